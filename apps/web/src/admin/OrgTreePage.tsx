import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { call } from '../api/call';
import { Checkbox } from '../components/Fields';
import { PageTitle } from '../components/PageTitle';
import { usePermissions } from '../session/permissions';
import { NoAccess } from './NoAccess';
import { AddUnitForm, ArchiveUnitConfirm, MoveUnitForm, RenameUnitForm } from './UnitForms';
import { byName, CHILD_TYPES, PARENT_TYPES, unitKindLabel, type OrgUnit } from './units';

type Branch = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; items: OrgUnit[] };
type Mode = 'add' | 'rename' | 'move' | 'archive' | null;

const ROOT = 'root';

type TreeState = {
  branches: Record<string, Branch>;
  expanded: ReadonlySet<string>;
  selected: string | null;
  mode: Mode;
};

type TreeActions = {
  toggle(unit: OrgUnit): void;
  select(unit: OrgUnit): void;
  setMode(mode: Mode): void;
  created(parent: OrgUnit, unit: OrgUnit): void;
  renamed(unit: OrgUnit): void;
  moved(unit: OrgUnit, parent: OrgUnit): void;
  archived(unit: OrgUnit): void;
  retry(key: string): void;
};

function BranchView({ branchKey, state, actions, canManage, label }: { branchKey: string; state: TreeState; actions: TreeActions; canManage: boolean; label?: string }) {
  const { t } = useTranslation();
  const branch = state.branches[branchKey];
  if (!branch || branch.state === 'loading') return <p className="loading tree__message">{t('common.loading')}</p>;
  if (branch.state === 'error') {
    return (
      <div className="tree__message">
        <p className="form-error">{branch.message}</p>
        <button type="button" className="button button--secondary" onClick={() => actions.retry(branchKey)}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (branch.items.length === 0) return <p className="tree__message tree__empty">{branchKey === ROOT ? t('org.emptyRoot') : t('org.emptyChildren')}</p>;
  return (
    <ul className={branchKey === ROOT ? 'tree' : 'tree__children'} aria-label={label}>
      {branch.items.map((unit) => (
        <TreeNode key={unit.id} unit={unit} state={state} actions={actions} canManage={canManage} />
      ))}
    </ul>
  );
}

function TreeNode({ unit, state, actions, canManage }: { unit: OrgUnit; state: TreeState; actions: TreeActions; canManage: boolean }) {
  const { t } = useTranslation();
  const perms = usePermissions();
  const open = state.expanded.has(unit.id);
  const selected = state.selected === unit.id;
  const hasChildren = CHILD_TYPES[unit.type].length > 0;
  const panelId = `unit-panel-${unit.id}`;
  const archived = unit.archivedAt !== null;
  const closeForm = () => actions.setMode(null);

  return (
    <li className={`tree__item${archived ? ' tree__item--archived' : ''}`}>
      <div className="tree__row">
        {hasChildren ? (
          <button
            type="button"
            className="tree__toggle"
            aria-expanded={open}
            aria-label={open ? t('org.collapse', { name: unit.name }) : t('org.expand', { name: unit.name })}
            onClick={() => actions.toggle(unit)}
          >
            <span aria-hidden="true">{open ? '−' : '+'}</span>
          </button>
        ) : (
          <span className="tree__spacer" aria-hidden="true" />
        )}
        <button type="button" className="tree__unit" aria-expanded={selected} aria-controls={selected ? panelId : undefined} onClick={() => actions.select(unit)} data-unit-id={unit.id}>
          <span className="tree__name">{unit.name}</span>
          <span className="tree__kind">
            {unitKindLabel(unit, t)}
            {archived && <> · {t('org.archivedBadge')}</>}
          </span>
        </button>
      </div>
      {selected && (
        <div className="unit-panel" id={panelId} data-testid="unit-panel">
          <dl className="unit-panel__facts">
            <div>
              <dt>{t('org.facts.kind')}</dt>
              <dd>{unitKindLabel(unit, t)}</dd>
            </div>
            {unit.ownership && (
              <div>
                <dt>{t('org.facts.ownership')}</dt>
                <dd>{t(`units.ownerships.${unit.ownership}`)}</dd>
              </div>
            )}
            {unit.code && (
              <div>
                <dt>{t('org.facts.code')}</dt>
                <dd>{unit.code}</dd>
              </div>
            )}
            {archived && (
              <div>
                <dt>{t('org.facts.status')}</dt>
                <dd>{t('org.archivedBadge')}</dd>
              </div>
            )}
          </dl>
          {state.mode === null && (
            <div className="actions unit-panel__actions">
              {canManage && !archived && hasChildren && (
                <button type="button" className="button" onClick={() => actions.setMode('add')}>
                  {t('org.actions.add')}
                </button>
              )}
              {canManage && !archived && (
                <button type="button" className="button button--secondary" onClick={() => actions.setMode('rename')}>
                  {t('org.actions.rename')}
                </button>
              )}
              {canManage && !archived && PARENT_TYPES[unit.type].length > 0 && (
                <button type="button" className="button button--secondary" onClick={() => actions.setMode('move')}>
                  {t('org.actions.move')}
                </button>
              )}
              {canManage && !archived && (
                <button type="button" className="button button--secondary button--danger-outline" onClick={() => actions.setMode('archive')}>
                  {t('org.actions.archive')}
                </button>
              )}
              {unit.type === 'institution' && !archived && perms.has('roster.import') && (
                <Link className="button button--secondary" to={`/quan-tri/nhap-danh-sach?unitId=${unit.id}`}>
                  {t('org.actions.import')}
                </Link>
              )}
              {perms.has('user.read') && (
                <Link className="button button--secondary" to={`/quan-tri/nguoi-dung?unitId=${unit.id}`}>
                  {t('org.actions.people')}
                </Link>
              )}
            </div>
          )}
          {state.mode === 'add' && <AddUnitForm parent={unit} onDone={(created) => actions.created(unit, created)} onCancel={closeForm} />}
          {state.mode === 'rename' && <RenameUnitForm unit={unit} onDone={actions.renamed} onCancel={closeForm} />}
          {state.mode === 'move' && <MoveUnitForm unit={unit} onDone={actions.moved} onCancel={closeForm} />}
          {state.mode === 'archive' && <ArchiveUnitConfirm unit={unit} onDone={actions.archived} onCancel={closeForm} />}
        </div>
      )}
      {open && hasChildren && <BranchView branchKey={unit.id} state={state} actions={actions} canManage={canManage} label={t('org.childrenOf', { name: unit.name })} />}
    </li>
  );
}

/** /quan-tri/don-vi: the organisation tree from the caller's own top units down, and its upkeep. */
export function OrgTreePage() {
  const { t } = useTranslation();
  const perms = usePermissions();
  const [includeArchived, setIncludeArchived] = useState(false);
  const [branches, setBranches] = useState<Record<string, Branch>>({});
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(null);
  const [addingRoot, setAddingRoot] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const noticeCount = useRef(0);
  const focusAfter = useRef<string | null>(null);

  const say = (text: string) => setNotice({ text, n: ++noticeCount.current });

  const load = useCallback(
    async (key: string) => {
      setBranches((now) => ({ ...now, [key]: now[key]?.state === 'ready' ? now[key] : { state: 'loading' } }));
      const result = await call(
        api.GET('/api/v1/org/units', { params: { query: { ...(key === ROOT ? {} : { parentId: key }), ...(includeArchived ? { includeArchived: true } : {}) } } }),
      );
      setBranches((now) => ({ ...now, [key]: result.ok ? { state: 'ready', items: [...result.data.items].sort(byName) } : { state: 'error', message: result.message } }));
    },
    [includeArchived],
  );

  // The roots, and again everything open whenever "show archived" changes.
  useEffect(() => {
    setBranches({});
    void load(ROOT);
    expanded.forEach((id) => void load(id));
  }, [load]);

  // After a change, focus goes to the unit it concerns (once it is on screen again).
  useEffect(() => {
    const id = focusAfter.current;
    if (!id) return;
    const button = document.querySelector<HTMLElement>(`[data-unit-id="${id}"]`);
    if (button) {
      button.focus();
      focusAfter.current = null;
    }
  });

  const actions: TreeActions = {
    toggle(unit) {
      const next = new Set(expanded);
      if (next.has(unit.id)) next.delete(unit.id);
      else {
        next.add(unit.id);
        if (branches[unit.id]?.state !== 'ready') void load(unit.id);
      }
      setExpanded(next);
    },
    select(unit) {
      setSelected((now) => (now === unit.id ? null : unit.id));
      setMode(null);
    },
    setMode(next) {
      setMode(next);
      if (next === null && selected) focusAfter.current = selected;
    },
    created(parent, unit) {
      say(t('org.done.created', { name: unit.name, kind: unitKindLabel(unit, t) }));
      setExpanded((now) => new Set(now).add(parent.id));
      void load(parent.id);
      setSelected(unit.id);
      setMode(null);
      focusAfter.current = unit.id;
    },
    renamed(unit) {
      say(t('org.done.renamed', { name: unit.name }));
      void load(unit.parentId ?? ROOT);
      setMode(null);
      focusAfter.current = unit.id;
    },
    moved(unit, parent) {
      say(t('org.done.moved', { name: unit.name, parent: parent.name }));
      const from = branches[ROOT]?.state === 'ready' ? Object.keys(branches) : [];
      // Reload every open list that held the unit or now holds it.
      for (const key of from) {
        const branch = branches[key];
        if (key === parent.id || (branch.state === 'ready' && branch.items.some((u) => u.id === unit.id))) void load(key);
      }
      setSelected(null);
      setMode(null);
    },
    archived(unit) {
      say(t('org.done.archived', { name: unit.name }));
      void load(unit.parentId ?? ROOT);
      setMode(null);
      if (!includeArchived) setSelected(null);
      else focusAfter.current = unit.id;
    },
    retry(key) {
      void load(key);
    },
  };

  if (!perms.has('org.read')) return <NoAccess />;
  const canManage = perms.has('org.manage');
  const state: TreeState = { branches, expanded, selected, mode };

  return (
    <>
      <PageTitle page={t('org.title')} />
      <h1 tabIndex={-1}>{t('org.heading')}</h1>
      <p>{t('org.intro')}</p>
      <div role="status" className="form-alert" data-testid="org-notice">
        {notice && (
          <p key={notice.n} className="notice notice--ok">
            {notice.text}
          </p>
        )}
      </div>
      <div className="toolbar">
        <Checkbox label={t('org.showArchived')} checked={includeArchived} onChange={setIncludeArchived} />
        {canManage && perms.everywhere && !addingRoot && (
          <button type="button" className="button" onClick={() => setAddingRoot(true)}>
            {t('org.actions.addDepartment')}
          </button>
        )}
      </div>
      {addingRoot && (
        <div className="unit-panel">
          <AddUnitForm
            parent={null}
            onCancel={() => setAddingRoot(false)}
            onDone={(unit) => {
              setAddingRoot(false);
              say(t('org.done.created', { name: unit.name, kind: unitKindLabel(unit, t) }));
              void load(ROOT);
              setSelected(unit.id);
              setMode(null);
              focusAfter.current = unit.id;
            }}
          />
        </div>
      )}
      <BranchView branchKey={ROOT} state={state} actions={actions} canManage={canManage} label={t('org.treeLabel')} />
    </>
  );
}
