/**
 * The kinds of evidence people bring: photos and scans, PDFs, Office documents, voice
 * recordings. Types are detected from the bytes (magic numbers), never from the file name.
 */
export const allowedEvidenceTypes: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/heic': 'heic',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  // Legacy .doc/.xls/.ppt are OLE compound files.
  'application/x-cfb': 'doc',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/x-m4a': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
  'audio/wav': 'wav',
  'audio/vnd.wave': 'wav',
  'audio/ogg': 'ogg',
};

/**
 * Characters that make a name read as something it is not: controls (C0, DEL, C1), format
 * characters such as the bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks
 * (U+200E, U+200F, U+061C), zero-width characters and BOMs, lone surrogates; and what
 * Windows refuses in a file name.
 */
const unsafeNameCharacters = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}"<>|:*?]/gu;

/**
 * The name evidence is stored and served under: the uploader's base name, cleaned, with the
 * extension of the type detected from the bytes (so JPEG bytes named `photo.html` become
 * `photo.jpg`). No path, at most 120 characters before the extension.
 */
export function evidenceFileName(uploaded: string, mimeType: string): string {
  const ext = allowedEvidenceTypes[mimeType] ?? 'bin';
  const base = (uploaded.split(/[\\/]/).pop() ?? '').replace(unsafeNameCharacters, '');
  const stem = base.replace(/\.[^.]*$/, '').trim().slice(0, 120);
  return `${stem || 'evidence'}.${ext}`;
}
