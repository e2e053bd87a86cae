import type { AppDeps } from '../../context.ts'
import { Router } from 'express'
import { attachmentHeaders, memberOf } from '../../core/http.ts'
import { getOwnDataExport } from './data-export.service.ts'

/** GET /api/data-exports/:id: a data-export archive, for the member who asked for it only (404 for anyone else). */
export function dataExportRouter(deps: AppDeps): Router {
  const router = Router()
  router.get('/data-exports/:id', (req, res, next) => {
    const viewer = memberOf(req, res)
    if (!viewer)
      return
    const archive = getOwnDataExport(deps.db, deps.config.dataDir, viewer, req.params.id)
    if (!archive)
      return void res.status(404).json({ error: 'NOT_FOUND' })
    attachmentHeaders(res, archive.fileName, 'application/zip')
    // the path was checked to lie inside DATA_DIR, which may itself sit under a dot-folder (.tmp)
    res.sendFile(archive.path, { dotfiles: 'allow' }, (error) => {
      if (error)
        next(error)
    })
  })
  return router
}
