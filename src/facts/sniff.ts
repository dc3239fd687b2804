// The type of a file from its first bytes (its "magic number"), for the kinds a filing upload is
// or is mistaken for: the images the filing system accepts (JPEG, PNG, GIF), other images a phone
// or scanner makes (WebP, HEIC/HEIF, AVIF, BMP, TIFF, JPEG XL, ICO, PSD, JPEG-LS, APNG) and PDF.
// Names and media types are those of the `file-type` package, so reports name a type as before.
// Anything else is `undefined`: not an image of any known type.

export interface SniffedType {
  /** The usual extension, lower case: `jpg`, `png`, `pdf` … */
  ext: string;
  mime: string;
}

const startsWith = (buf: Uint8Array, bytes: readonly number[], offset = 0): boolean => {
  if (buf.length < offset + bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[offset + i] !== bytes[i]) return false;
  return true;
};

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const GIF = ascii('GIF');
const BMP = ascii('BM');
const PDF = ascii('%PDF');
const PSD = ascii('8BPS');
const RIFF = ascii('RIFF');
const WEBP = ascii('WEBP');
const FTYP = ascii('ftyp');
const JXL_CODESTREAM = [0xff, 0x0a];
const JXL_CONTAINER = [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a];
const BOM = [0xef, 0xbb, 0xbf];

/** ISO base media files (HEIC, AVIF, MP4, MOV …) by their major brand. */
function isoBrand(buf: Uint8Array): SniffedType | undefined {
  if (!startsWith(buf, FTYP, 4) || buf.length < 12 || (buf[8]! & 0x60) === 0) return undefined;
  const brand = String.fromCharCode(...buf.subarray(8, 12))
    .replace('\0', ' ')
    .trim();
  switch (brand) {
    case 'avif':
    case 'avis':
      return { ext: 'avif', mime: 'image/avif' };
    case 'mif1':
      return { ext: 'heic', mime: 'image/heif' };
    case 'msf1':
      return { ext: 'heic', mime: 'image/heif-sequence' };
    case 'heic':
    case 'heix':
      return { ext: 'heic', mime: 'image/heic' };
    case 'hevc':
    case 'hevx':
      return { ext: 'heic', mime: 'image/heic-sequence' };
    case 'qt':
      return { ext: 'mov', mime: 'video/quicktime' };
    case 'crx':
      return { ext: 'cr3', mime: 'image/x-canon-cr3' };
    default:
      if (brand.startsWith('3g2')) return { ext: '3g2', mime: 'video/3gpp2' };
      if (brand.startsWith('3g')) return { ext: '3gp', mime: 'video/3gpp' };
      return { ext: 'mp4', mime: 'video/mp4' };
  }
}

/** A PNG is an APNG when an `acTL` chunk comes before the first `IDAT`; a PNG whose first chunk is a wrong IHDR is no PNG. */
function pngOrApng(buf: Uint8Array): SniffedType | undefined {
  const png = { ext: 'png', mime: 'image/png' };
  // Not even the first chunk's length and type: too little to call it anything.
  if (buf.length < 16) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let at = 8;
  for (let chunks = 0; chunks < 512 && at + 8 <= buf.length; chunks++) {
    const length = view.getInt32(at);
    if (length < 0) return undefined;
    const type = String.fromCharCode(buf[at + 4]!, buf[at + 5]!, buf[at + 6]!, buf[at + 7]!);
    if (type === 'IHDR' && length !== 13) return undefined;
    if (type === 'IDAT') return png;
    if (type === 'acTL') return { ext: 'apng', mime: 'image/apng' };
    at += 8 + length + 4;
  }
  return png;
}

/** The type of the content whose first bytes are `buf` (the header chunk of images.ts, or the whole file). */
export function sniffType(buf: Uint8Array): SniffedType | undefined {
  if (startsWith(buf, BMP)) return { ext: 'bmp', mime: 'image/bmp' };
  // A byte order mark before the content (a text editor's doing) does not change what follows.
  if (startsWith(buf, BOM)) return sniffType(buf.subarray(3));
  if (startsWith(buf, GIF)) return { ext: 'gif', mime: 'image/gif' };
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return buf[3] === 0xf7 ? { ext: 'jls', mime: 'image/jls' } : { ext: 'jpg', mime: 'image/jpeg' };
  if (startsWith(buf, PSD)) return { ext: 'psd', mime: 'image/vnd.adobe.photoshop' };
  if (startsWith(buf, PDF)) return { ext: 'pdf', mime: 'application/pdf' };
  if (startsWith(buf, PNG)) return pngOrApng(buf);
  const iso = isoBrand(buf);
  if (iso) return iso;
  if (startsWith(buf, RIFF) && startsWith(buf, WEBP, 8)) return { ext: 'webp', mime: 'image/webp' };
  if (startsWith(buf, JXL_CODESTREAM) || startsWith(buf, JXL_CONTAINER)) return { ext: 'jxl', mime: 'image/jxl' };
  if (startsWith(buf, [0x49, 0x49, 0x2a, 0x00]) || startsWith(buf, [0x4d, 0x4d, 0x00, 0x2a])) return { ext: 'tif', mime: 'image/tiff' };
  if (startsWith(buf, [0x00, 0x00, 0x01, 0x00])) return { ext: 'ico', mime: 'image/x-icon' };
  return undefined;
}
