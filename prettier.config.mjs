// Prettier, with the options that change the least of the code as it is written (measured with
// `prettier --write` on a copy of the tree): single quotes, semicolons, two spaces, trailing commas
// where ES5 allows them (not after a function's last argument), and a wide print width because
// much of the code runs past 100 columns while its comments wrap at 100 (Prettier leaves comments
// as they are).
/** @type {import('prettier').Config} */
export default {
  printWidth: 150,
  singleQuote: true,
  trailingComma: 'es5',
};
