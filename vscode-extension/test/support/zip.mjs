// A minimal zip reader (a .vsix is a zip): lists entries from the central directory and
// inflates single entries. Enough for checking a package; no zip64, no encryption.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectorySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;

export function readZip(file) {
  const data = readFileSync(file);
  const end = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(end + 10);
  let offset = data.readUInt32LE(end + 16);
  const entries = new Map();
  for (let index = 0; index < count; index++) {
    if (data.readUInt32LE(offset) !== centralDirectorySignature) {
      throw new Error(`${file}: bad central directory entry ${index}`);
    }
    const method = data.readUInt16LE(offset + 10);
    const compressedSize = data.readUInt32LE(offset + 20);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localHeader = data.readUInt32LE(offset + 42);
    const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.set(name, { name, method, compressedSize, size, localHeader });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return {
    names: [...entries.keys()],
    entries,
    read(name) {
      const entry = entries.get(name);
      if (entry === undefined) {
        throw new Error(`${file}: no entry ${name}`);
      }
      if (data.readUInt32LE(entry.localHeader) !== localHeaderSignature) {
        throw new Error(`${file}: bad local header for ${name}`);
      }
      const start = entry.localHeader + 30 + data.readUInt16LE(entry.localHeader + 26) + data.readUInt16LE(entry.localHeader + 28);
      const raw = data.subarray(start, start + entry.compressedSize);
      if (entry.method === 0) {
        return Buffer.from(raw);
      }
      if (entry.method === 8) {
        return inflateRawSync(raw);
      }
      throw new Error(`${file}: ${name} uses unsupported compression method ${entry.method}`);
    },
  };
}

function findEndOfCentralDirectory(data) {
  // The record is 22 bytes plus a comment of at most 65535 bytes at the end of the file.
  for (let offset = data.length - 22; offset >= Math.max(0, data.length - 22 - 0xffff); offset--) {
    if (data.readUInt32LE(offset) === endOfCentralDirectorySignature) {
      return offset;
    }
  }
  throw new Error('not a zip file: no end of central directory record');
}
