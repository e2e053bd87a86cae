// What the member sees of a session or a sign-in: a device described in words and a place given
// as the start of the IP address only (enough to recognise one's own network, least data kept).

const BROWSERS: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/SamsungBrowser\//, 'Samsung Internet'],
  [/Firefox\/|FxiOS\//, 'Firefox'],
  [/Chrome\/|CriOS\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/iPhone/, 'iPhone'],
  [/iPad/, 'iPad'],
  [/Android/, 'Android'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
]

/** « Firefox sur Windows », « Safari sur iPhone »…; « Appareil inconnu » when nothing is recognised. */
export function describeDevice(userAgent: string | null | undefined): string {
  if (!userAgent)
    return 'Appareil inconnu'
  const browser = BROWSERS.find(([re]) => re.test(userAgent))?.[1]
  const system = SYSTEMS.find(([re]) => re.test(userAgent))?.[1]
  if (browser && system)
    return `${browser} sur ${system}`
  return browser ?? system ?? 'Appareil inconnu'
}

/** 203.0.113.42 → « 203.0.113.x »; 2001:db8:85a3::1 → « 2001:db8:85a3:… »; null when unknown. */
export function ipPrefix(ip: string | null | undefined): string | null {
  if (!ip)
    return null
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip)
  if (v4)
    return `${v4[1]}.${v4[2]}.${v4[3]}.x`
  if (ip.includes(':')) {
    const groups = ip.split('::')[0]!.split(':').filter(Boolean).slice(0, 3)
    // ::1, the machine itself: nothing to hide
    return groups.length ? `${groups.join(':')}:…` : ip
  }
  return null
}
