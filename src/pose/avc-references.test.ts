import { describe, expect, it } from 'vitest';
import { avccLengthSize, isNonReferenceAvc } from './avc-references.ts';

/** An AVCC packet of NAL units given as [header byte, payload length], with 4-byte length prefixes. */
function packet(...nals: [number, number][]): Uint8Array {
  const out: number[] = [];
  for (const [header, len] of nals) {
    const size = len + 1;
    out.push(
      (size >>> 24) & 255,
      (size >>> 16) & 255,
      (size >>> 8) & 255,
      size & 255,
      header,
      ...Array(len).fill(0x88),
    );
  }
  return Uint8Array.from(out);
}
// nal_ref_idc in bits 5-6, nal_unit_type in bits 0-4
const nal = (refIdc: number, type: number) => (refIdc << 5) | type;

describe('H.264 non-reference pictures', () => {
  it.each([
    ['a B slice with nal_ref_idc 0', [[nal(0, 1), 12]], true],
    ['a P slice (nal_ref_idc 2)', [[nal(2, 1), 12]], false],
    ['a reference B slice (x264 B-pyramid, nal_ref_idc 1)', [[nal(1, 1), 12]], false],
    ['an IDR slice', [[nal(3, 5), 30]], false],
    [
      'SEI then a non-reference slice',
      [
        [nal(0, 6), 5],
        [nal(0, 1), 12],
      ],
      true,
    ],
    [
      'two slices, one of them a reference',
      [
        [nal(0, 1), 12],
        [nal(2, 1), 12],
      ],
      false,
    ],
    ['SEI only (no picture)', [[nal(0, 6), 5]], false],
  ] as const)('%s -> %s', (_name, nals, expected) => {
    expect(isNonReferenceAvc(packet(...(nals as unknown as [number, number][])), 4)).toBe(expected);
  });

  it('a truncated or garbled packet is decoded (treated as a reference)', () => {
    const p = packet([nal(0, 1), 12]);
    expect(isNonReferenceAvc(p.subarray(0, 8), 4)).toBe(false);
    expect(isNonReferenceAvc(Uint8Array.from([0, 0, 0, 0, nal(0, 1)]), 4)).toBe(false);
  });

  it('reads the length-prefix size from the avcC record; none for Annex B', () => {
    expect(avccLengthSize(Uint8Array.from([1, 0x64, 0, 0x1f, 0xff, 0xe1]))).toBe(4);
    expect(avccLengthSize(Uint8Array.from([1, 0x4d, 0, 0x1f, 0xfd, 0xe1]).buffer)).toBe(2);
    expect(avccLengthSize(undefined)).toBeNull();
    expect(avccLengthSize(Uint8Array.from([0, 0, 0, 1]))).toBeNull();
  });
});
