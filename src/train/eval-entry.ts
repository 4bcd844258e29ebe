// Entry of the bundled evaluator (bin/eval.mjs): `--fold N` runs one outer fold and prints its decisions.
import { crossValidate, evalFold } from './evaluate';
export { crossValidate };
const i = process.argv.indexOf('--fold');
if (i >= 0) {
  const root = process.env.BALISE_ROOT!;
  evalFold(root, !process.argv.includes('--no-extra'), Number(process.argv[i + 1])).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e) => {
      process.stderr.write(String(e?.stack ?? e));
      process.exit(2);
    },
  );
}
