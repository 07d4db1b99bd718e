// The resilience tests' shared fixture: an EMFILE exactly as Node reports it.
import { execFileSync } from 'node:child_process';
import { expect } from 'vitest';

/** An EMFILE as Node really reports it: measured in a child process with `ulimit -n 40`. */
export function realEmfile(): NodeJS.ErrnoException {
  const script =
    'const fs=require("fs");const fds=[];try{for(;;)fds.push(fs.openSync("/dev/null","r"))}' +
    'catch(e){console.log(JSON.stringify({message:e.message,code:e.code,errno:e.errno,syscall:e.syscall,path:e.path}))}';
  const out = execFileSync(
    'bash',
    ['-c', `ulimit -n 40; exec "${process.execPath}" -e '${script}'`],
    {
      encoding: 'utf8',
    },
  );
  const shape = JSON.parse(out) as { message: string; code: string; errno: number };
  expect(shape.code).toBe('EMFILE');
  const { message, ...rest } = shape;
  return Object.assign(new Error(message), rest);
}
