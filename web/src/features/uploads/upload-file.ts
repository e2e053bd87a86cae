/** A document stored by POST /api/uploads, referenced by id in mutations. */
export interface UploadedFile {
  id: string
  name: string
  sizeBytes: number
  mimeType: string
}

export const MAX_FILE_BYTES = 10 * 1024 * 1024
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png'
const EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png']

export class UploadError extends Error {
  constructor(message: string, readonly status: number) {
    super(message)
  }
}

const NETWORK = 'Le fichier n\'a pas pu être envoyé. Vérifiez votre connexion puis réessayez.'

/** What can be told before sending: the server checks again, by the real content. */
export function checkBeforeUpload(file: { name: string, size: number }): string | null {
  const extension = file.name.split('.').pop()?.toLowerCase() ?? ''
  if (!EXTENSIONS.includes(extension)) return `«\u00a0${file.name}\u00a0» n'est pas accepté\u00a0: envoyez un PDF, un JPEG ou un PNG.`
  if (file.size > MAX_FILE_BYTES) return `«\u00a0${file.name}\u00a0» dépasse la taille maximale de 10 Mo.`
  if (file.size === 0) return `«\u00a0${file.name}\u00a0» est vide.`
  return null
}

/**
 * Sends one file with XMLHttpRequest, the one browser API that reports upload progress. The
 * custom header is what the server's CSRF check asks for (Apollo's JSON requests don't need it).
 */
export function uploadFile(
  file: File,
  onProgress: (fraction: number) => void,
  options: { signal?: AbortSignal, createRequest?: () => XMLHttpRequest } = {},
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = options.createRequest?.() ?? new XMLHttpRequest()
    xhr.open('POST', '/api/uploads')
    xhr.setRequestHeader('X-Requested-With', 'espace-adherent')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: Partial<UploadedFile> & { message?: string } = {}
      try {
        body = JSON.parse(xhr.responseText)
      }
      catch {}
      if (xhr.status === 201 && body.id) {
        onProgress(1)
        resolve(body as UploadedFile)
      }
      else if (xhr.status === 401) {
        reject(new UploadError('Votre session a expiré\u00a0: reconnectez-vous pour envoyer vos documents.', 401))
      }
      else {
        reject(new UploadError(body.message ?? NETWORK, xhr.status))
      }
    }
    xhr.onerror = () => reject(new UploadError(NETWORK, 0))
    xhr.onabort = () => reject(new UploadError('Envoi annulé.', 0))
    options.signal?.addEventListener('abort', () => xhr.abort())
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
}

/** "850 ko", "2,4 Mo": sizes the way people read them. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} ko`
  return `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')} Mo`
}
