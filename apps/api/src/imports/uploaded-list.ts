import { DomainError, invalid } from '@pl/domain';
import type { FastifyRequest } from 'fastify';

/** A list as it arrived: the name the office gave it and its bytes. */
export interface UploadedList {
  readonly fileName: string;
  readonly content: Buffer;
}

/** Reads the `file` field of a multipart/form-data request; anything else is refused with a code. */
export async function uploadedList(request: FastifyRequest): Promise<UploadedList> {
  if (!request.isMultipart()) {
    throw invalid('UNSUPPORTED_FILE', 'send the list as multipart/form-data with the file in the field "file"');
  }
  try {
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw invalid('FILE_REQUIRED', 'the form has no field "file" holding the list');
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    const { code, message } = error as { code?: string; message?: string };
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw invalid('FILE_TOO_LARGE', 'the list is larger than the 20 MB accepted; split it');
    throw invalid('MALFORMED_UPLOAD', `the upload cannot be read: ${message ?? String(error)}`);
  }
}
