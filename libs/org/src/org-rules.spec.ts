import { parentProblem } from './org-rules';

describe('organisation tree: which unit may sit under which', () => {
  it.each([
    ['department', null],
    ['commune', 'department'],
    ['institution', 'commune'],
    ['institution', 'department'],
    ['class', 'institution'],
  ] as const)('a %s under %p is allowed', (type, parent) => {
    expect(parentProblem(type, parent)).toBeNull();
  });

  it.each([
    ['department', 'commune'],
    ['commune', null],
    ['commune', 'institution'],
    ['institution', null],
    ['institution', 'class'],
    ['class', 'commune'],
    ['class', 'class'],
  ] as const)('a %s under %p is refused, with the reason in both languages', (type, parent) => {
    const problem = parentProblem(type, parent);
    expect(problem?.vi).toMatch(/phải thuộc/);
    expect(problem?.en).toMatch(/must be under/);
  });
});
