import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Progress, Result, Select, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, followEvents } from '../api/client';
import type { ImportProgress, RowError } from '../api/types';
import { useMyOrganisations } from '../api/mine';
import { useSession } from '../auth/useSession';
import { hasRole } from '../auth/auth';
import { problemWords } from '../components/States';

/** Percentage of rows processed; an unknown total (still counting) shows as 0 until the first report. */
export function importPercent(progress: Pick<ImportProgress, 'status' | 'totalRows' | 'processedRows'>): number {
  if (progress.status === 'COMPLETED') return 100;
  if (!progress.totalRows) return 0;
  return Math.min(100, Math.floor((progress.processedRows / progress.totalRows) * 100));
}

export default function Imports() {
  const { t } = useTranslation();
  const session = useSession();
  const mine = useMyOrganisations();
  const organisations = (mine.data ?? []).filter((m) => m.role !== 'MEMBER' && m.organisation.kind === 'UNIVERSITY');
  const [organisationId, setOrganisationId] = useState<string>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [submitRows, setSubmitRows] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [jobId, setJobId] = useState<string>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stream = useRef<AbortController | null>(null);

  useEffect(() => () => stream.current?.abort(), []);
  useEffect(() => {
    if (!organisationId && organisations.length > 0) setOrganisationId(organisations[0].organisation.id);
  }, [organisations, organisationId]);

  const final = progress?.status === 'COMPLETED' || progress?.status === 'FAILED';
  const errors = useQuery({
    queryKey: ['import-errors', jobId],
    queryFn: () => api<RowError[]>(`/api/achievement-imports/${jobId}/errors`),
    enabled: !!jobId && final,
  });

  if (!session.authenticated || !hasRole(session, 'UNIVERSITY')) return <Result status="403" title={t('problem.forbidden')} />;

  const start = async () => {
    const file = files[0]?.originFileObj;
    if (!file || !organisationId) return;
    setBusy(true);
    setFailure(null);
    setProgress(null);
    try {
      const body = new FormData();
      body.append('file', file, file.name);
      body.append('organisationId', organisationId);
      body.append('submit', String(submitRows));
      const job = await api<ImportProgress & { id: string }>('/api/achievement-imports', { method: 'POST', body });
      setJobId(job.id);
      setProgress({ ...job, importId: job.id });
      stream.current?.abort();
      stream.current = new AbortController();
      await followEvents(`/api/achievement-imports/${job.id}/events`, (event, data) => {
        if (event === 'progress') setProgress(JSON.parse(data) as ImportProgress);
      }, stream.current.signal);
      // The stream ends with the job; read the final counts and the failure in words.
      setProgress(await api<ImportProgress>(`/api/achievement-imports/${job.id}`));
    } catch (error) {
      if ((error as Error)?.name !== 'AbortError') setFailure(problemWords(error, t).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <h1 style={{ fontSize: 22, margin: 0 }}>{t('imports.title')}</h1>
      <Typography.Paragraph>{t('imports.intro')} <a href="/api/achievement-imports/template" download>{t('imports.template')}</a></Typography.Paragraph>
      <Card>
        <Form layout="vertical" onFinish={() => void start()}>
          <Form.Item label={t('form.organisation')} htmlFor="import-organisation">
            <Select id="import-organisation" value={organisationId} onChange={setOrganisationId}
              options={organisations.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} />
          </Form.Item>
          <Form.Item label={t('imports.file')}>
            <Upload accept=".csv,.xlsx" maxCount={1} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
              <Button>{t('imports.file')}</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Checkbox checked={submitRows} onChange={(event) => setSubmitRows(event.target.checked)}>{t('imports.submitRows')}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" disabled={!files[0] || !organisationId} loading={busy}>{t('imports.start')}</Button>
        </Form>
      </Card>
      {failure && <Alert type="error" showIcon role="alert" title={failure} />}
      {progress && (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('imports.progress')} · {t(`imports.status.${progress.status}`)}</h2>}>
          <Progress percent={importPercent(progress)} status={progress.status === 'FAILED' ? 'exception' : final ? 'success' : 'active'}
            aria-label={t('imports.progress')} />
          <Typography.Paragraph aria-live="polite">
            {t('imports.processed', { processed: progress.processedRows, total: progress.totalRows ?? '…' })}<br />
            {t('imports.counts', { created: progress.createdRows, updated: progress.updatedRows, unchanged: progress.unchangedRows, failed: progress.failedRows })}
          </Typography.Paragraph>
          {progress.status === 'FAILED' && <Alert type="error" showIcon title={progress.failureMessage ?? progress.failure} />}
        </Card>
      )}
      {final && (
        <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('imports.errors')}</h2>}>
          {errors.data && errors.data.length === 0 ? <Typography.Text>{t('imports.noErrors')}</Typography.Text> : (
            <Table<RowError>
              size="small"
              loading={errors.isPending}
              rowKey={(row) => `${row.row}:${row.field}:${row.code}`}
              dataSource={errors.data ?? []}
              pagination={{ pageSize: 50 }}
              columns={[
                { title: t('imports.row'), dataIndex: 'row', width: 80 },
                { title: t('imports.column'), dataIndex: 'field', width: 160 },
                { title: t('imports.reason'), dataIndex: 'message' },
              ]}
              scroll={{ x: true }}
            />
          )}
        </Card>
      )}
    </Space>
  );
}
