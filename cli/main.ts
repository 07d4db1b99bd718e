// The `catalyst` CLI: argument parsing and dispatch. Bad input gets one line on stderr and a
// non-zero exit (1: the manifest is invalid; 2: usage or I/O), never a stack trace.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { diff, init, render, schema, validate } from './commands';
import { CliError, type CliIo } from './io';

export const USAGE = `Usage: catalyst <command> [options]

Commands:
  init [--name N] [--org O] [--email E] [--ssh-key FILE]
       [--with id,...] [--without id,...] [--format yaml|json] [-o FILE]
                          A manifest with the wizard's defaults (stdout, or FILE)
  validate <file>         Exit 0 when the manifest is valid; else print every problem, exit 1
  render <file> -o <dir>  Write the Flux GitOps tree (a path ending in .zip writes a zip);
                          --repository-url <url> is where clusters clone it from
  diff <old> <new> [--tree]
                          Print what changes from old to new (components, nodes, settings,
                          what destroys data); --tree adds the unified diff of the repository.
                          Exit 0: no change, 1: a change, 2: a file is missing or invalid
  schema                  Print the manifest's JSON Schema

Options:
  -h, --help              Show this help

Docs: docs/manifest.md
`;

/** The real file system and standard streams. */
export const nodeIo: CliIo = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  readFile: (p) => readFile(p, 'utf8'),
  writeFile: async (p, data) => {
    await mkdir(dirname(p), { recursive: true });
    await writeFile(p, data);
  },
};

function parse(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      name: { type: 'string' },
      org: { type: 'string' },
      email: { type: 'string' },
      'ssh-key': { type: 'string' },
      with: { type: 'string', multiple: true },
      without: { type: 'string', multiple: true },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'repository-url': { type: 'string' },
      tree: { type: 'boolean' },
    },
  });
}

function one(positionals: readonly string[], command: string, what: string): string {
  const [value, extra] = positionals;
  if (!value) throw new CliError(`${command}: missing ${what} (see catalyst --help)`);
  if (extra !== undefined) throw new CliError(`${command}: unexpected argument "${extra}"`);
  return value;
}

async function dispatch(io: CliIo, args: readonly string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new CliError(`${(error as Error).message.split('\n')[0]} (see catalyst --help)`);
  }
  const { values: v, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (v.help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  switch (command) {
    case 'init': {
      if (rest.length) throw new CliError(`init: unexpected argument "${rest[0]}"`);
      if (v.format !== undefined && v.format !== 'yaml' && v.format !== 'json')
        throw new CliError(`init: --format must be yaml or json, not "${v.format}"`);
      return init(io, {
        name: v.name,
        org: v.org,
        email: v.email,
        sshKey: v['ssh-key'],
        with: v.with ?? [],
        without: v.without ?? [],
        output: v.output,
        format: v.format === 'json' || v.output?.endsWith('.json') ? 'json' : 'yaml',
      });
    }
    case 'validate':
      return validate(io, one(rest, 'validate', 'the manifest file'));
    case 'render': {
      const file = one(rest, 'render', 'the manifest file');
      if (!v.output) throw new CliError('render: missing -o <dir> (where to write the tree)');
      return render(io, file, v.output, v['repository-url']);
    }
    case 'diff': {
      const [oldFile, newFile, extra] = rest;
      if (!oldFile || !newFile)
        throw new CliError('diff: needs two manifest files: catalyst diff <old> <new>');
      if (extra !== undefined) throw new CliError(`diff: unexpected argument "${extra}"`);
      return diff(io, oldFile, newFile, {
        tree: v.tree ?? false,
        repositoryUrl: v['repository-url'],
      });
    }
    case 'schema':
      if (rest.length) throw new CliError(`schema: unexpected argument "${rest[0]}"`);
      return schema(io);
    case undefined:
      io.err(USAGE);
      return 2;
    default:
      throw new CliError(`unknown command "${command}" (see catalyst --help)`);
  }
}

/** Runs the CLI with `args`; returns the exit code and never throws. */
export async function run(args: readonly string[], io: CliIo = nodeIo): Promise<number> {
  try {
    return await dispatch(io, args);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`catalyst: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`catalyst: unexpected error: ${message.split('\n')[0]}\n`);
    return 70;
  }
}
