// Types of make-images.mjs for the tests that import it.
export const MB: number;
export const KB: number;
export function prng(seed?: number): () => number;
export function crc32(buf: Uint8Array): number;
export interface ImageOptions {
  width: number;
  height: number;
  seed?: number;
  amplitude?: number;
  /** Pad the file with a trailing comment or chunk to exactly this many bytes. */
  padTo?: number;
  fast?: boolean;
}
export function makePng(options: ImageOptions & { level?: number }): Buffer;
export function makeJpeg(options: ImageOptions & { quality?: number; appSegments?: number; appSegmentSize?: number }): Buffer;
export function makeGif(options: Pick<ImageOptions, 'width' | 'height' | 'seed'>): Buffer;
export function makePdf(): Buffer;
export function fixtureFiles(): Record<string, Buffer>;
export interface ExampleImage {
  file: string;
  kind: 'certificate' | 'id' | 'document';
}
export function makeExampleImages(dir: string, spec: ExampleImage[], options?: { force?: boolean }): string[];
export function exampleSpecFromManifest(manifest: unknown): ExampleImage[];
