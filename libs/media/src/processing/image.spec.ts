import { jpegOrientation, orientationFilters, planImageVariants } from './image';

/** A JPEG start with an EXIF APP1 segment holding only an Orientation tag. */
function jpegWithOrientation(orientation: number, byteOrder: 'II' | 'MM'): Buffer {
  const le = byteOrder === 'II';
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write(byteOrder, 0, 'latin1');
  const u16 = (v: number, o: number) => (le ? tiff.writeUInt16LE(v, o) : tiff.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? tiff.writeUInt32LE(v, o) : tiff.writeUInt32BE(v, o));
  u16(42, 2);
  u32(8, 4);
  u16(1, 8);
  u16(0x0112, 10);
  u16(3, 12);
  u32(1, 14);
  u16(orientation, 18);
  const exif = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.alloc(4);
  app1.writeUInt16BE(0xffe1, 0);
  app1.writeUInt16BE(exif.length + 2, 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app1, exif, Buffer.from([0xff, 0xda, 0, 2])]);
}

describe('image variants', () => {
  it('reads the EXIF orientation in either byte order', () => {
    expect(jpegOrientation(jpegWithOrientation(6, 'II'))).toBe(6);
    expect(jpegOrientation(jpegWithOrientation(8, 'MM'))).toBe(8);
    expect(jpegOrientation(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBe(1);
    expect(jpegOrientation(Buffer.from('\x89PNG\r\n', 'latin1'))).toBe(1);
  });

  it('turns each orientation upright with ffmpeg filters', () => {
    expect(orientationFilters(1)).toEqual([]);
    expect(orientationFilters(3)).toEqual(['hflip', 'vflip']);
    expect(orientationFilters(6)).toEqual(['transpose=1']);
    expect(orientationFilters(8)).toEqual(['transpose=2']);
  });

  it('makes 320, 640 and 1280 wide copies of a large picture, never upscaled', () => {
    expect(planImageVariants(4000, 3000)).toEqual([
      { width: 320, height: 240 },
      { width: 640, height: 480 },
      { width: 1280, height: 960 },
    ]);
    expect(planImageVariants(800, 600).map((v) => v.width)).toEqual([320, 640]);
    expect(planImageVariants(200, 100)).toEqual([{ width: 200, height: 100 }]);
  });
});
