import { extname } from 'node:path';

interface FileType {
  contentType: string;
  label: string;
  /** The bytes every file of this type starts with. */
  magic: Buffer;
}

const PDF: FileType = {
  contentType: 'application/pdf',
  label: 'PDF',
  magic: Buffer.from('%PDF-', 'latin1'),
};
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * Attachment 1 is the registration form as the student filled it (PDF, Word or Excel);
 * attachment 2 is one PDF (S-1.3 — its name's extension is checked by the rules first).
 * The extension names the type, and the content must really be that type.
 */
const FORM_TYPES: Record<string, FileType> = {
  '.pdf': PDF,
  '.docx': {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word',
    magic: ZIP,
  },
  '.xlsx': {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    label: 'Excel',
    magic: ZIP,
  },
  '.doc': { contentType: 'application/msword', label: 'Word', magic: CFB },
  '.xls': { contentType: 'application/vnd.ms-excel', label: 'Excel', magic: CFB },
};

export function expectedType(attachment: 1 | 2, fileName: string): FileType | undefined {
  const ext = extname(fileName).toLowerCase();
  if (attachment === 2) return ext === '.pdf' ? PDF : undefined;
  return FORM_TYPES[ext];
}

export function hasMagic(head: Buffer, type: FileType): boolean {
  return head.length >= type.magic.length && head.subarray(0, type.magic.length).equals(type.magic);
}
