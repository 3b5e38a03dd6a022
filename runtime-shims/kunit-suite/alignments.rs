/// An allocator's alignments.
const ALIGNMENTS: [usize; 3] = [1, 8, 64];
