package articles

// BinaryMsg is why bytes holding a NUL are refused, wherever they come
// in: text has no NUL bytes, and a file with one is an image, an archive
// or a document in a binary format, given an article's name.
const BinaryMsg = "is a binary file (it holds a NUL byte), not an article's text"
