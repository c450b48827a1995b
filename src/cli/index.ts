#!/usr/bin/env node
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
  untilStopped: () =>
    new Promise(resolve => {
      const signals = ['SIGINT', 'SIGTERM'] as const;
      const stop = (signal: string) => {
        // A second Ctrl-C during shutdown ends the process at once.
        for (const other of signals) {
          process.off(other, stop);
        }
        resolve(signal);
      };
      for (const signal of signals) {
        process.on(signal, stop);
      }
    }),
});
