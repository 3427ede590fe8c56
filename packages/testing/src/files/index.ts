/** Helpers for tests of extraction and of the routes that take files: ZIP/DOCX builders. */
export { makeDocx, makeZip, type ZipEntry } from './zip.ts';
export { writePdf, type PdfPage, type PdfText, type Rgb } from './pdf.ts';
