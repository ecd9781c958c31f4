import { bi } from '../i18n/bilingual.js';

/** A file type an attachment may be: named by its extension, proven by its first bytes. */
export interface AttachmentFileType {
  extension: string;
  contentType: string;
  label: string;
  /** The bytes every file of this type starts with. */
  magic: readonly number[];
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // .docx / .xlsx are zip packages
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .doc / .xls (OLE2)

const PDF: AttachmentFileType = {
  extension: '.pdf',
  contentType: 'application/pdf',
  label: 'PDF',
  magic: PDF_MAGIC,
};

/**
 * S-1.2: attachment 1 is the registration form as filled in — PDF, Word or Excel (the guide
 * names the form, not a format; sscard generates it as .xlsx). S-1.3: attachment 2 is one PDF.
 */
export const ATTACHMENT_FILE_TYPES: Readonly<Record<1 | 2, readonly AttachmentFileType[]>> = {
  1: [
    PDF,
    {
      extension: '.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      label: 'Word',
      magic: ZIP_MAGIC,
    },
    {
      extension: '.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      label: 'Excel',
      magic: ZIP_MAGIC,
    },
    { extension: '.doc', contentType: 'application/msword', label: 'Word', magic: CFB_MAGIC },
    {
      extension: '.xls',
      contentType: 'application/vnd.ms-excel',
      label: 'Excel',
      magic: CFB_MAGIC,
    },
  ],
  2: [PDF],
};

/** The lower-cased extension of a file name, with its dot ('' when there is none). */
function extensionOf(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The type a file named `fileName` must be for the attachment, or undefined when not allowed. */
export function attachmentFileType(
  attachment: 1 | 2,
  fileName: string,
): AttachmentFileType | undefined {
  const ext = extensionOf(fileName);
  return ATTACHMENT_FILE_TYPES[attachment].find((t) => t.extension === ext);
}

/** The `accept` list of a file input for the attachment (extensions). */
export function attachmentAccept(attachment: 1 | 2): string {
  return ATTACHMENT_FILE_TYPES[attachment].map((t) => t.extension).join(',');
}

/** Why a file name's type is refused, naming the allowed types. */
export function attachmentTypeMessage(attachment: 1 | 2): string {
  if (attachment === 2) {
    return bi('证明材料必须是一个PDF文件', 'The evidence must be one PDF file');
  }
  return bi(
    '附件1应为PDF、Word（.docx/.doc）或Excel（.xlsx/.xls）文件',
    'Attachment 1 must be a PDF, Word (.docx/.doc) or Excel (.xlsx/.xls) file',
  );
}

/** Whether the file's first bytes are those of the type its name claims. */
export function hasMagicBytes(head: Uint8Array, type: AttachmentFileType): boolean {
  return head.length >= type.magic.length && type.magic.every((byte, i) => head[i] === byte);
}

/** Why a file's content is refused: it is not what its extension says. */
export function attachmentContentMessage(type: AttachmentFileType): string {
  return bi(
    `文件内容不是${type.label}文件（与扩展名不符）`,
    `The content is not a ${type.label} file (it does not match the extension)`,
  );
}

/** The most bytes hasMagicBytes looks at, so a reader knows how much of the head to keep. */
export const ATTACHMENT_MAGIC_BYTES = Math.max(
  ...Object.values(ATTACHMENT_FILE_TYPES).flatMap((types) => types.map((t) => t.magic.length)),
);
