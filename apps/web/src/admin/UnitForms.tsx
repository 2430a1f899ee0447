import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { call } from '../api/call';
import { ChoiceGroup, FormAlert, SelectField, TextField } from '../components/Fields';
import { useAlert, useFocusFirstError } from '../components/form-helpers';
import type { UnitType } from '../session/permissions';
import { UnitPicker } from './UnitPicker';
import { CHILD_TYPES, COMMUNE_KINDS, INSTITUTION_KINDS, OWNERSHIPS, PARENT_TYPES, type CommuneKind, type InstitutionKind, type OrgUnit, type Ownership } from './units';

type ClassBy = 'grade' | 'cohort';
type AddField = 'type' | 'name' | 'communeKind' | 'institutionKind' | 'ownership' | 'grade' | 'cohort';

/** Adds a unit under `parent` (or a department at the top when `parent` is null); the fields follow the type. */
export function AddUnitForm({ parent, onDone, onCancel }: { parent: OrgUnit | null; onDone(unit: OrgUnit): void; onCancel(): void }) {
  const { t } = useTranslation();
  const types: readonly UnitType[] = parent ? CHILD_TYPES[parent.type] : ['department'];
  const [type, setType] = useState<UnitType | ''>(types.length === 1 ? types[0] : '');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [communeKind, setCommuneKind] = useState<CommuneKind | ''>('');
  const [institutionKind, setInstitutionKind] = useState<InstitutionKind | ''>('');
  const [ownership, setOwnership] = useState<Ownership | ''>('');
  const [classBy, setClassBy] = useState<ClassBy>('grade');
  const [grade, setGrade] = useState('');
  const [cohort, setCohort] = useState('');
  const [errors, setErrors] = useState<Partial<Record<AddField, string>>>({});
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusError = useFocusFirstError(formRef);

  const focusFirstInvalid = () => {
    focusError();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Partial<Record<AddField, string>> = {};
    if (!type) found.type = t('org.form.typeMissing');
    if (!name.trim()) found.name = t('org.form.nameMissing');
    if (type === 'commune' && !communeKind) found.communeKind = t('org.form.communeKindMissing');
    if (type === 'institution' && !institutionKind) found.institutionKind = t('org.form.institutionKindMissing');
    if (type === 'institution' && !ownership) found.ownership = t('org.form.ownershipMissing');
    if (type === 'class' && classBy === 'grade' && !grade) found.grade = t('org.form.gradeMissing');
    if (type === 'class' && classBy === 'cohort' && !cohort.trim()) found.cohort = t('org.form.cohortMissing');
    setErrors(found);
    if (Object.keys(found).length > 0 || !type) {
      showAlert(t('common.fixErrors'));
      focusFirstInvalid();
      return;
    }
    showAlert(null);
    setBusy(true);
    const result = await call(
      api.POST('/api/v1/org/units', {
        body: {
          type,
          name: name.trim(),
          ...(parent ? { parentId: parent.id } : {}),
          ...(code.trim() ? { code: code.trim() } : {}),
          ...(type === 'commune' && communeKind ? { communeKind } : {}),
          ...(type === 'institution' && institutionKind && ownership ? { institutionKind, ownership } : {}),
          ...(type === 'class' ? (classBy === 'grade' ? { grade: Number(grade) } : { cohort: cohort.trim() }) : {}),
        },
      }),
    );
    setBusy(false);
    if (result.ok) onDone(result.data);
    else showAlert(result.message);
  };

  const heading = parent ? t('org.form.addUnder', { name: parent.name }) : t('org.form.addDepartment');
  return (
    <form ref={formRef} className="form panel-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-label={heading}>
      <h3 className="panel-form__heading">{heading}</h3>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
      {types.length > 1 ? (
        <ChoiceGroup
          legend={t('org.form.type')}
          name="unit-type"
          value={type}
          onChange={(value) => setType(value)}
          error={errors.type}
          options={types.map((value) => ({ value, label: t(`units.typeChoices.${value}`) }))}
        />
      ) : (
        <p className="panel-form__fixed">
          <strong>{t('org.form.type')}:</strong> {type && t(`units.typeChoices.${type}`)}
        </p>
      )}
      {type === 'commune' && (
        <ChoiceGroup
          legend={t('org.form.communeKind')}
          name="commune-kind"
          value={communeKind}
          onChange={setCommuneKind}
          error={errors.communeKind}
          options={COMMUNE_KINDS.map((value) => ({ value, label: t(`units.communeKinds.${value}`) }))}
        />
      )}
      {type === 'institution' && (
        <>
          <SelectField label={t('org.form.institutionKind')} value={institutionKind} onChange={(v) => setInstitutionKind(v as InstitutionKind | '')} error={errors.institutionKind}>
            <option value="">{t('common.choose')}</option>
            {INSTITUTION_KINDS.map((value) => (
              <option key={value} value={value}>
                {t(`units.institutionKindChoices.${value}`)}
              </option>
            ))}
          </SelectField>
          <ChoiceGroup
            legend={t('org.form.ownership')}
            name="ownership"
            value={ownership}
            onChange={setOwnership}
            error={errors.ownership}
            options={OWNERSHIPS.map((value) => ({ value, label: t(`units.ownerships.${value}`) }))}
          />
        </>
      )}
      {type && (
        <TextField
          label={t(`org.form.nameOf.${type}`)}
          hint={t(`org.form.nameHint.${type}`)}
          value={name}
          onChange={setName}
          error={errors.name}
          maxLength={200}
          autoComplete="off"
        />
      )}
      {type === 'class' && (
        <>
          <ChoiceGroup
            legend={t('org.form.classBy')}
            name="class-by"
            value={classBy}
            onChange={setClassBy}
            options={[
              { value: 'grade', label: t('org.form.byGrade') },
              { value: 'cohort', label: t('org.form.byCohort') },
            ]}
          />
          {classBy === 'grade' ? (
            <SelectField label={t('org.form.grade')} value={grade} onChange={setGrade} error={errors.grade}>
              <option value="">{t('common.choose')}</option>
              {Array.from({ length: 12 }, (_, i) => String(i + 1)).map((g) => (
                <option key={g} value={g}>
                  {t('org.form.gradeOption', { grade: g })}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField label={t('org.form.cohort')} hint={t('org.form.cohortHint')} value={cohort} onChange={setCohort} error={errors.cohort} maxLength={64} autoComplete="off" />
          )}
        </>
      )}
      {type && <TextField label={t('org.form.code')} optionalText={t('common.optional')} hint={t('org.form.codeHint')} value={code} onChange={setCode} maxLength={64} autoComplete="off" />}
      <div className="actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('common.saving') : t('org.form.create')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function RenameUnitForm({ unit, onDone, onCancel }: { unit: OrgUnit; onDone(unit: OrgUnit): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(unit.name);
  const [error, setError] = useState<string | null>(null);
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError(t('org.form.nameMissing'));
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    const result = await call(api.PATCH('/api/v1/org/units/{unitId}', { params: { path: { unitId: unit.id } }, body: { name: name.trim() } }));
    setBusy(false);
    if (result.ok) onDone(result.data);
    else showAlert(result.message);
  };

  const heading = t('org.rename.heading', { name: unit.name });
  return (
    <form className="form panel-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-label={heading}>
      <h3 className="panel-form__heading">{heading}</h3>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
      <TextField label={t('org.rename.newName')} value={name} onChange={setName} error={error} maxLength={200} autoComplete="off" inputRef={inputRef} autoFocus />
      <div className="actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('common.saving') : t('org.rename.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function MoveUnitForm({ unit, onDone, onCancel }: { unit: OrgUnit; onDone(unit: OrgUnit, parent: OrgUnit): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [parent, setParent] = useState<OrgUnit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const allowed = PARENT_TYPES[unit.type];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!parent) {
      setError(t('org.move.missing'));
      return;
    }
    if (parent.id === unit.parentId) {
      setError(t('org.move.same'));
      return;
    }
    setError(null);
    setBusy(true);
    const result = await call(api.PATCH('/api/v1/org/units/{unitId}', { params: { path: { unitId: unit.id } }, body: { parentId: parent.id } }));
    setBusy(false);
    if (result.ok) onDone(result.data, parent);
    else showAlert(result.message);
  };

  const heading = t('org.move.heading', { name: unit.name });
  return (
    <form className="form panel-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy} aria-label={heading}>
      <h3 className="panel-form__heading">{heading}</h3>
      <p>{t('org.move.intro')}</p>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
      <UnitPicker legend={t('org.move.newParent')} allowed={allowed} exclude={unit.id} onChange={setParent} error={error} />
      <div className="actions">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? t('common.saving') : t('org.move.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ArchiveUnitConfirm({ unit, onDone, onCancel }: { unit: OrgUnit; onDone(unit: OrgUnit): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [alert, showAlert] = useAlert();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const confirm = async () => {
    if (busy) return;
    setBusy(true);
    const result = await call(api.POST('/api/v1/org/units/{unitId}/archive', { params: { path: { unitId: unit.id } } }));
    setBusy(false);
    if (result.ok) onDone(result.data);
    else showAlert(result.message);
  };

  return (
    <section className="confirm" role="group" aria-labelledby={`archive-${unit.id}`}>
      <h3 className="panel-form__heading" id={`archive-${unit.id}`} ref={headingRef} tabIndex={-1}>
        {t('org.archive.heading', { name: unit.name })}
      </h3>
      <p>{t('org.archive.explain')}</p>
      <FormAlert message={alert?.text ?? null} attempt={alert?.n} />
      <div className="actions">
        <button type="button" className="button button--danger" onClick={() => void confirm()} aria-disabled={busy || undefined} autoFocus>
          {busy ? t('common.saving') : t('org.archive.confirm')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
