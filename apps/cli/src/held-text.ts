import { closeSync, fstatSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where output goes: bytes the caller may reuse once `write` returns; false means wait for `drained()`. */
export interface Sink {
  write(bytes: Uint8Array | string): boolean;
  drained(): Promise<void>;
}

/**
 * Standard output. When it is a regular file (`uplift analyze in.json > out.json`) the bytes go straight to
 * file descriptor 1, as process.stdout would send them (it writes files synchronously too), without a copy per
 * chunk; otherwise through process.stdout, given a copy, honouring a pipe's back-pressure.
 */
export function standardOutput(file = stdoutIsFile()): Sink {
  if (file) {
    return {
      write: (bytes) => {
        writeFully(1, bytes);
        return true;
      },
      drained: async () => {},
    };
  }
  return {
    write: (bytes) => process.stdout.write(typeof bytes === 'string' ? bytes : Buffer.from(bytes)),
    drained: () => new Promise<void>((resolve) => process.stdout.once('drain', resolve)),
  };
}

/** Whether standard output is a regular file (`> out.json`), which takes writes whole and never closes early. */
export function stdoutIsFile(): boolean {
  try {
    return fstatSync(1).isFile();
  } catch {
    return false; // no descriptor 1 to inspect: leave it to process.stdout, which reports what is wrong
  }
}

function writeFully(fd: number, bytes: Uint8Array | string): void {
  if (typeof bytes === 'string') {
    writeFully(fd, Buffer.from(bytes));
    return;
  }
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

const COPY_CHUNK = 1 << 16;

/**
 * Text held back until it may be written (`uplift analyze` writes nothing unless every request passes, so the
 * results wait until the file's last request is checked: 8 MB for 20,000 two-arm tests). It waits in a temporary
 * file, unlinked as soon as it is made, rather than in the process's memory: the kernel keeps it in its page
 * cache, while fresh process memory costs a page fault per 4 kB on its first touch — about 10 µs each on the VM
 * issue 15 is measured on, 2,000 faults and 20–40 ms for 8 MB, where writing it to the file took 2.3 ms and
 * reading it back 3–5. Where no temporary file can be made or written (a read-only or full disk; Windows, which
 * cannot unlink an open file), the text is held in memory, as it was before.
 */
export class HeldText {
  private fd: number | null = null;
  /** Bytes in the file; what could not go there follows in `memory`. */
  private inFile = 0;
  private readonly memory: Buffer[] = [];
  bytes = 0;

  constructor(directory = tmpdir()) {
    const path = join(directory, `uplift-held-${process.pid}-${Date.now().toString(36)}`);
    try {
      this.fd = openSync(path, 'wx+', 0o600); // O_EXCL: never a file or link someone put there
    } catch {
      return;
    }
    try {
      unlinkSync(path);
    } catch {
      this.release();
      try {
        unlinkSync(path);
      } catch {
        // Left for the system's cleaner of temporary files: it holds nothing yet.
      }
    }
  }

  add(text: string): void {
    if (this.fd !== null && this.memory.length === 0) {
      let written = 0;
      try {
        written = writeSync(this.fd, text);
      } catch {
        // A full disk: the rest is held in memory, after what the file has.
      }
      this.inFile += written;
      this.bytes += written;
      // A whole write is the rule; a short one (the disk filling up) leaves its tail to memory.
      if (written === Buffer.byteLength(text)) return;
      this.keep(Buffer.from(text).subarray(written));
      return;
    }
    this.keep(Buffer.from(text));
  }

  private keep(chunk: Buffer): void {
    this.memory.push(chunk);
    this.bytes += chunk.length;
  }

  /** Writes everything held to `out`, in order, then lets it go. */
  async writeTo(out: Sink): Promise<void> {
    if (this.fd !== null && this.inFile > 0) {
      const buffer = Buffer.allocUnsafeSlow(Math.min(COPY_CHUNK, this.inFile));
      for (let position = 0; position < this.inFile; ) {
        const read = readSync(this.fd, buffer, 0, Math.min(buffer.length, this.inFile - position), position);
        if (read === 0) throw new Error('the held results ended early: their temporary file was cut short');
        position += read;
        if (!out.write(buffer.subarray(0, read))) await out.drained();
      }
    }
    for (const chunk of this.memory) if (!out.write(chunk)) await out.drained();
    this.memory.length = 0;
    this.release();
  }

  release(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.inFile = 0;
  }
}
