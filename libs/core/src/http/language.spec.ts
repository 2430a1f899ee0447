import { preferredLanguage } from './language';

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR,en;q=0.5', 'en'],
    ['en;q=0.5,vi;q=0.8', 'vi'],
    ['de', 'vi'],
    ['en;q=0', 'vi'],
    ['en;q=0.7,vi;q=0.7', 'vi'],
  ])('Accept-Language %p → %s', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
