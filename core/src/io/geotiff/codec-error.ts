/** Why a block could not be decoded; the reader turns it into an InputError naming the file and the block. */
export class CodecError extends Error {}
