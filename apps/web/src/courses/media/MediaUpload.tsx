import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n';
import { formatBytes, type MediaAsset, type MediaPurpose } from '../model';
import { MediaStatus } from './MediaStatus';
import { pendingUploads, UploadError, uploadFile, type UploadProgress } from './upload';

/** What the file picker offers for each purpose (the api decides from the bytes). */
const ACCEPT: Record<MediaPurpose, string | undefined> = {
  video: 'video/*,.mp4,.m4v,.mov,.webm,.mkv',
  audio: 'audio/*,.mp3,.m4a,.aac,.wav,.ogg,.oga,.opus',
  slides: '.pdf,.pptx,application/pdf,application/vnd.openxmlformats-officedocument.presentationml.presentation',
  document: '.pdf,application/pdf',
  image: 'image/jpeg,image/png,image/webp,image/gif',
  evidence: 'image/jpeg,image/png,image/webp,image/gif,application/pdf',
  file: undefined,
};

type Phase = { kind: 'idle' } | { kind: 'uploading'; file: File; progress: UploadProgress | null } | { kind: 'done'; file: File } | { kind: 'stopped'; file: File; message: string; resumable: boolean };

type Props = {
  purpose: MediaPurpose;
  /** The file picker's label. */
  label: string;
  /** The asset the lesson has now (its processing is shown). */
  assetId: string | null;
  onUploaded(asset: MediaAsset): void;
  /** Told while bytes are being sent (the lesson should not be saved meanwhile). */
  onBusy?(busy: boolean): void;
  /** Show the current asset's processing status (not for galleries, which list their images). */
  showStatus?: boolean;
  error?: string | null;
};

/** Chooses a file and uploads it in parts with a progress bar; resumes a cut-off upload; then follows processing. */
export function MediaUpload({ purpose, label, assetId, onUploaded, onBusy, showStatus = true, error }: Props) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const onBusyRef = useRef(onBusy);
  onBusyRef.current = onBusy;
  const [pending] = useState(() => pendingUploads(purpose));

  useEffect(() => () => controller.current?.abort(), []);
  const uploading = phase.kind === 'uploading';
  useEffect(() => {
    onBusyRef.current?.(uploading);
  }, [uploading]);

  const start = async (file: File) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setPhase({ kind: 'uploading', file, progress: null });
    try {
      const asset = await uploadFile(file, purpose, (progress) => setPhase({ kind: 'uploading', file, progress }), mine.signal);
      if (mine.signal.aborted) return;
      setPhase({ kind: 'done', file });
      if (inputRef.current) inputRef.current.value = '';
      onUploaded(asset);
    } catch (failure) {
      if (failure instanceof DOMException && failure.name === 'AbortError') return;
      const message = failure instanceof Error ? failure.message : t('common.unexpected');
      setPhase({ kind: 'stopped', file, message, resumable: failure instanceof UploadError ? failure.resumable : false });
    }
  };

  const cancel = () => {
    controller.current?.abort();
    setPhase({ kind: 'idle' });
    if (inputRef.current) inputRef.current.value = '';
  };

  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  const progress = phase.kind === 'uploading' ? phase.progress : null;
  const percent = phase.kind === 'done' ? 100 : progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  const showPending = pending.length > 0 && phase.kind === 'idle' && !assetId;

  return (
    <div className="media-upload" data-testid={`media-upload-${purpose}`}>
      {assetId && showStatus && phase.kind !== 'uploading' && <MediaStatus key={assetId} assetId={assetId} />}
      {showPending && (
        <p className="notice" data-testid="pending-upload">
          {t('media.resumeNotice', { file: pending[pending.length - 1].name })}
        </p>
      )}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {assetId ? t('media.replace') : label}
        </label>
        <p className="field__hint" id={hintId}>
          {t(`media.formats.${purpose}`)}
        </p>
        {error && (
          <p className="field__error" id={errorId}>
            {error}
          </p>
        )}
        <input
          ref={inputRef}
          id={`${id}-file`}
          type="file"
          className="field__input field__input--file"
          accept={ACCEPT[purpose]}
          aria-describedby={[errorId, hintId].filter(Boolean).join(' ')}
          aria-invalid={error ? true : undefined}
          disabled={uploading}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void start(file);
          }}
        />
      </div>
      {(phase.kind === 'uploading' || phase.kind === 'done' || (phase.kind === 'stopped' && phase.resumable)) && (
        <div className="progress" data-testid="upload-progress">
          <label htmlFor={`${id}-progress`} className="progress__label">
            {t('media.progressLabel', { file: phase.file.name })}
          </label>
          <progress id={`${id}-progress`} max={100} value={percent} data-testid="upload-progress-bar" />
          <p role="status" aria-live="polite" className="progress__stage" data-testid="upload-progress-text">
            {phase.kind === 'done' && t('media.uploaded')}
            {phase.kind === 'uploading' &&
              (progress === null
                ? t('media.starting')
                : progress.retryingPart !== null
                  ? t('media.retryingPart', { part: progress.retryingPart, parts: progress.parts })
                  : progress.loaded >= progress.total
                    ? t('media.verifying')
                    : t('media.uploading', { percent, loaded: formatBytes(progress.loaded, language), total: formatBytes(progress.total, language) }))}
            {phase.kind === 'stopped' && t('media.paused', { percent })}
          </p>
          {phase.kind === 'uploading' && progress && progress.resumedParts > 0 && <p className="form-help">{t('media.resumed', { done: progress.resumedParts, parts: progress.parts })}</p>}
        </div>
      )}
      {phase.kind === 'uploading' && (
        <p>
          <button type="button" className="button button--secondary" onClick={cancel}>
            {t('media.cancel')}
          </button>
        </p>
      )}
      {phase.kind === 'stopped' && (
        <div className="form-error" role="alert" data-testid="upload-error">
          <p>{phase.message}</p>
          {phase.resumable && (
            <button type="button" className="button button--secondary" onClick={() => void start(phase.file)}>
              {t('media.resume')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
