import { foldSql, foldVietnamese } from './fold';

describe('folding Vietnamese text for search', () => {
  it('drops diacritics and case, đ included', () => {
    expect(foldVietnamese('An toàn thông tin')).toBe('an toan thong tin');
    expect(foldVietnamese('ĐẶNG Thị Hường')).toBe('dang thi huong');
    expect(foldVietnamese('Trường Tiểu học')).toBe('truong tieu hoc');
  });

  it('has an SQL twin that maps every precomposed lower-case vowel', () => {
    const sql = foldSql('x');
    const [from, to] = [...sql.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(from).toHaveLength(to.length);
    for (let i = 0; i < from.length; i++) expect(foldVietnamese(from[i])).toBe(to[i]);
  });
});
