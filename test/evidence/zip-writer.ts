/**
 * A minimal zip writer (stored entries, no compression) for building tampered and hostile packs:
 * unlike archiver, it writes entry names exactly as given, `../` and all.
 */
import { writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

export interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  /** Unix mode in the external attributes; default a regular file 0644. */
  mode?: number;
  /** MS-DOS attributes, the low byte of the external attributes (0x10: a folder). */
  dosAttributes?: number;
  /** The host system in "version made by": 3 Unix (default), 0 MS-DOS. */
  madeBy?: number;
}

/**
 * The members a local header (at 4) and a central directory header (at 6) share: version needed,
 * flags (UTF-8 names), method (stored), time, date, CRC-32, both sizes and the name length.
 */
function writeSharedFields(header: Buffer, at: number, crc: number, size: number, nameLength: number): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(0x0800, at + 2);
  header.writeUInt16LE(0, at + 4);
  header.writeUInt16LE(0, at + 6);
  header.writeUInt16LE(0x21, at + 8);
  header.writeUInt32LE(crc, at + 10);
  header.writeUInt32LE(size, at + 14);
  header.writeUInt32LE(size, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

export function writeStoredZip(path: string, entries: readonly RawEntry[]): void {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name, 'utf8') : entry.name;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedFields(local, 4, crc, entry.data.length, name.length);
    parts.push(local, name, entry.data);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(((entry.madeBy ?? 3) << 8) | 0x1e, 4);
    writeSharedFields(header, 6, crc, entry.data.length, name.length);
    header.writeUInt32LE((((entry.mode ?? 0o100644) << 16) | (entry.dosAttributes ?? 0)) >>> 0, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralDirectory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...parts, centralDirectory, end]));
}
