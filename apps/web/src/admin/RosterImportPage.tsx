import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import type { components } from '../api/schema';
import { ChoiceGroup, FormAlert } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import { PageTitle } from '../components/PageTitle';
import { usePermissions } from '../session/permissions';
import { NoAccess } from './NoAccess';
import { formatDate } from './people';
import { UnitPicker } from './UnitPicker';
import type { OrgUnit } from './units';

type RosterImport = components['schemas']['RosterImportDto'];
type Kind = RosterImport['kind'];

const POLL_MS = 800;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** What the api is told the file is: by its extension (Windows often calls a CSV "application/vnd.ms-excel"). */
function contentTypeOf(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return file.type || 'application/octet-stream';
}

const finished = (item: RosterImport) => item.status === 'completed' || item.status === 'failed';

function ImportProgress({ item }: { item: RosterImport }) {
  const { t } = useTranslation();
  const total = item.totalRows ?? 0;
  let stage: string;
  let value: number | undefined;
  let max = 1;
  switch (item.status) {
    case 'queued':
      stage = t('roster.stage.queued');
      break;
    case 'reading':
      stage = t('roster.stage.reading', { done: item.doneRows });
      break;
    case 'importing':
      stage = t('roster.stage.importing', { done: item.doneRows, total });
      value = item.doneRows;
      max = Math.max(total, 1);
      break;
    case 'completed':
      stage = t('roster.stage.completed', { total });
      value = Math.max(total, 1);
      max = Math.max(total, 1);
      break;
    case 'failed':
      stage = t('roster.stage.failed');
      value = 0;
      max = 1;
      break;
  }
  return (
    <div className="progress" data-testid="roster-progress" data-status={item.status}>
      <label htmlFor={`progress-${item.id}`} className="progress__label">
        {t('roster.progressLabel', { file: item.fileName })}
      </label>
      {/* Without a value the bar is "indeterminate": the number of rows is not known yet. */}
      <progress id={`progress-${item.id}`} max={max} value={value} />
      <p role="status" aria-live="polite" className="progress__stage" data-testid="roster-stage">
        {stage}
      </p>
    </div>
  );
}

function ImportResult({ item }: { item: RosterImport }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  if (item.status === 'completed') {
    const counts = [
      { key: 'created', value: item.createdCount, label: item.kind === 'students' ? t('roster.counts.createdStudents') : t('roster.counts.createdStaff') },
      { key: 'updated', value: item.updatedCount, label: t('roster.counts.updated') },
      { key: 'unchanged', value: item.unchangedCount, label: t('roster.counts.unchanged') },
      ...(item.kind === 'students' ? [{ key: 'parents', value: item.parentsCreatedCount, label: t('roster.counts.parents') }] : []),
    ];
    return (
      <section className="result result--ok" aria-labelledby="result-heading" data-testid="roster-result">
        <h2 id="result-heading" tabIndex={-1}>
          {t('roster.result.okHeading')}
        </h2>
        <p>{t('roster.result.okText', { total: item.totalRows ?? 0 })}</p>
        <dl className="counts">
          {counts.map((c) => (
            <div key={c.key} className="counts__item">
              <dt>{c.label}</dt>
              <dd data-testid={`roster-count-${c.key}`}>{c.value}</dd>
            </div>
          ))}
        </dl>
        {item.hasSlips ? (
          <>
            <p>{t('roster.result.slipsText')}</p>
            <p>
              <a className="button" href={`/api/v1/roster-imports/${item.id}/slips`} download>
                {t('roster.result.slips')}
              </a>
            </p>
          </>
        ) : (
          <p>{t('roster.result.noSlips')}</p>
        )}
      </section>
    );
  }
  if (item.status !== 'failed') return null;
  const failure = item.failure;
  return (
    <section className="result result--bad" aria-labelledby="result-heading" data-testid="roster-result">
      <h2 id="result-heading" tabIndex={-1}>
        {t('roster.result.badHeading')}
      </h2>
      {failure && (
        <p className="form-error" data-testid="roster-failure">
          {en ? failure.en : failure.vi}
        </p>
      )}
      <p>{t('roster.result.nothingImported')}</p>
      {item.errorCount > 0 && <p>{t('roster.result.errorCount', { n: item.errorCount })}</p>}
      {failure && failure.sample.length > 0 && (
        <div className="table-wrap" role="region" aria-labelledby="sample-caption" tabIndex={0}>
          <table className="table" data-testid="roster-errors">
            <caption id="sample-caption">{item.errorCount > failure.sample.length ? t('roster.result.sampleSome', { shown: failure.sample.length }) : t('roster.result.sampleAll')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roster.result.row')}</th>
                <th scope="col">{t('roster.result.column')}</th>
                <th scope="col">{t('roster.result.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {failure.sample.map((e, index) => (
                <tr key={`${e.row}-${e.column ?? ''}-${index}`}>
                  <td>{e.row}</td>
                  <td>{e.column ?? '—'}</td>
                  <td>{en ? e.en : e.vi}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {item.hasErrorReport && (
        <p>
          <a className="button" href={`/api/v1/roster-imports/${item.id}/error-report`} download>
            {t('roster.result.errorReport')}
          </a>
        </p>
      )}
      <p>{t('roster.result.fixAndRetry')}</p>
    </section>
  );
}

function History({ items, state }: { items: RosterImport[]; state: 'loading' | 'ready' | string }) {
  const { t, i18n } = useTranslation();
  if (state === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (state !== 'ready') return <p className="form-error">{state}</p>;
  if (items.length === 0) return <p>{t('roster.history.none')}</p>;
  return (
    <ul className="item-list history" data-testid="roster-history">
      {items.map((item) => (
        <li key={item.id} className="history__item">
          <p className="history__title">
            <strong>{item.fileName}</strong> · {t(`roster.kinds.${item.kind}`)}
          </p>
          <p className="history__meta">
            {formatDate(item.createdAt, i18n.language, true)} · <span className={`badge badge--import-${item.status}`}>{t(`roster.statuses.${item.status}`)}</span>
          </p>
          {item.status === 'completed' && (
            <p className="history__meta">{t('roster.history.counts', { created: item.createdCount, updated: item.updatedCount, unchanged: item.unchangedCount })}</p>
          )}
          {item.status === 'failed' && item.errorCount > 0 && <p className="history__meta">{t('roster.result.errorCount', { n: item.errorCount })}</p>}
          {(item.hasSlips || item.hasErrorReport) && (
            <div className="actions">
              {item.hasSlips && (
                <a className="button button--secondary" href={`/api/v1/roster-imports/${item.id}/slips`} download>
                  {t('roster.result.slips')}
                </a>
              )}
              {item.hasErrorReport && (
                <a className="button button--secondary" href={`/api/v1/roster-imports/${item.id}/error-report`} download>
                  {t('roster.result.errorReport')}
                </a>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** /quan-tri/nhap-danh-sach: upload a school's roster, follow the import, read its result; earlier imports. */
export function RosterImportPage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const [params] = useSearchParams();
  const initialId = params.get('unitId');
  const [unit, setUnit] = useState<OrgUnit | null>(null);
  const [kind, setKind] = useState<Kind>('students');
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ unit?: string; file?: string }>({});
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<RosterImport | null>(null);
  const [history, setHistory] = useState<{ state: string; items: RosterImport[] }>({ state: 'ready', items: [] });
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useFocusFirstError(formRef);
  const fileRef = useRef<HTMLInputElement>(null);
  const poll = useRef<number | undefined>(undefined);
  const resultFocus = useRef(false);

  const loadHistory = useCallback(async (unitId: string) => {
    setHistory((now) => ({ ...now, state: now.items.length ? now.state : 'loading' }));
    const result = await call(api.GET('/api/v1/org/units/{unitId}/roster-imports', { params: { path: { unitId } } }));
    setHistory(result.ok ? { state: 'ready', items: result.data.items } : { state: result.message, items: [] });
  }, []);

  useEffect(() => {
    if (unit) void loadHistory(unit.id);
    else setHistory({ state: 'ready', items: [] });
  }, [unit, loadHistory]);

  useEffect(() => () => window.clearTimeout(poll.current), []);

  // Follows an import until it has finished.
  const follow = useCallback(
    (item: RosterImport) => {
      setCurrent(item);
      if (finished(item)) {
        resultFocus.current = true;
        void loadHistory(item.unitId);
        return;
      }
      poll.current = window.setTimeout(() => {
        void call(api.GET('/api/v1/roster-imports/{importId}', { params: { path: { importId: item.id } } })).then((result) => {
          if (result.ok) follow(result.data);
          else showAlert(result.message);
        });
      }, POLL_MS);
    },
    [loadHistory, showAlert],
  );

  // Once the result is on screen, focus its heading so it is read out.
  useEffect(() => {
    if (current && finished(current) && resultFocus.current) {
      resultFocus.current = false;
      document.getElementById('result-heading')?.focus();
    }
  }, [current]);

  if (!perms.has('roster.import')) return <NoAccess />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || (current && !finished(current))) return;
    const found = { unit: unit ? undefined : t('roster.errors.unit'), file: file ? undefined : t('roster.errors.file') };
    if (file && !/\.(csv|xlsx)$/i.test(file.name)) found.file = t('roster.errors.fileType');
    setErrors(found);
    if (found.unit || found.file || !unit || !file) {
      showAlert(t('common.fixErrors'));
      focusError();
      return;
    }
    showAlert(null);
    setBusy(true);
    setCurrent(null);
    // The file itself is the request body (not JSON): sent as is, with its own content type.
    const result = await call(
      api.POST('/api/v1/org/units/{unitId}/roster-imports', {
        params: { path: { unitId: unit.id }, query: { kind, fileName: file.name } },
        body: '',
        bodySerializer: () => file,
        headers: { 'Content-Type': contentTypeOf(file) },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      showAlert(result.message);
      return;
    }
    if (fileRef.current) fileRef.current.value = '';
    setFile(null);
    follow(result.data);
  };

  const running = current !== null && !finished(current);
  return (
    <>
      <PageTitle page={t('roster.title')} />
      <h1 tabIndex={-1}>{t('roster.heading')}</h1>
      <p>{t('roster.intro')}</p>

      <section aria-labelledby="templates-heading">
        <h2 id="templates-heading">{t('roster.templates.heading')}</h2>
        <p>{t('roster.templates.text')}</p>
        <ul className="link-list">
          <li>
            <a href="/api/v1/roster-templates/students?format=xlsx" download>
              {t('roster.templates.studentsXlsx')}
            </a>
          </li>
          <li>
            <a href="/api/v1/roster-templates/students?format=csv" download>
              {t('roster.templates.studentsCsv')}
            </a>
          </li>
          <li>
            <a href="/api/v1/roster-templates/staff?format=xlsx" download>
              {t('roster.templates.staffXlsx')}
            </a>
          </li>
          <li>
            <a href="/api/v1/roster-templates/staff?format=csv" download>
              {t('roster.templates.staffCsv')}
            </a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('roster.upload.heading')}</h2>
        <div className="narrow">
          <FormAlert message={alert?.text ?? null} attempt={alert?.n} testId="roster-error" />
          <form ref={formRef} className="form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy || running}>
            <UnitPicker legend={t('roster.upload.institution')} hint={t('roster.upload.institutionHint')} allowed={['institution']} initialId={initialId} onChange={setUnit} error={errors.unit} />
            <ChoiceGroup
              legend={t('roster.upload.kind')}
              name="roster-kind"
              value={kind}
              onChange={setKind}
              options={[
                { value: 'students', label: t('roster.kinds.students'), description: t('roster.upload.studentsHint') },
                { value: 'staff', label: t('roster.kinds.staff'), description: t('roster.upload.staffHint') },
              ]}
            />
            <div className="field">
              <label className="field__label" htmlFor="roster-file">
                {t('roster.upload.file')}
              </label>
              <p className="field__hint" id="roster-file-hint">
                {t('roster.upload.fileHint')}
              </p>
              {errors.file && (
                <p className="field__error" id="roster-file-error">
                  {errors.file}
                </p>
              )}
              <input
                ref={fileRef}
                id="roster-file"
                className="field__input field__input--file"
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={errors.file ? 'roster-file-error roster-file-hint' : 'roster-file-hint'}
              />
            </div>
            <button type="submit" className="button button--block" aria-disabled={busy || running || undefined}>
              {busy ? t('roster.upload.sending') : t('roster.upload.submit')}
            </button>
          </form>
        </div>
      </section>

      {current && (
        <section aria-labelledby="progress-heading" className="import-status">
          <h2 id="progress-heading">{t('roster.progressHeading')}</h2>
          <ImportProgress item={current} />
          <ImportResult item={current} />
        </section>
      )}

      {unit && (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading">{t('roster.history.heading', { name: unit.name })}</h2>
          <History items={history.items} state={history.state} />
        </section>
      )}
    </>
  );
}
