/** What every decoder gives: one frame's samples, before masking to BitsStored. */
export interface DecodedFrame {
  width: number;
  height: number;
  samples: ArrayLike<number>;
}
