/** Lower case, without Vietnamese diacritics (combining marks stripped, đ → d): "An toàn" → "an toan". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

const FOLD_FROM = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const FOLD_TO = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';

/** The same folding inside SQL (precomposed NFC text), with no extension: `translate(lower(expr), …)`. */
export function foldSql(expr: string): string {
  return `translate(lower(${expr}), '${FOLD_FROM}', '${FOLD_TO}')`;
}
