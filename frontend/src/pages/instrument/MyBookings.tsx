import { useState } from 'react';
import { App, Button, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { useLabels } from '../../components/labels';
import { ErrorState, Loading, problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import { localTime, type Booking } from './types';

const COLOURS: Record<string, string> = { PENDING_PAYMENT: 'orange', CONFIRMED: 'blue', COMPLETED: 'green', CANCELLED: 'default' };

/** Bookings made by my organisations, and bookings of my organisations' instruments (mark completed). */
function MyBookings() {
  const l = useLabels();
  const { t, language } = l;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [side, setSide] = useState<'BOOKER' | 'PROVIDER'>('BOOKER');
  const query = useQuery({
    queryKey: ['instrument-bookings', side],
    queryFn: () => api<Page<Booking>>(`/api/instrument-bookings?side=${side}&size=100`),
  });
  const act = useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'cancellation' | 'completion' }) =>
      api<Booking>(`/api/instrument-bookings/${id}/${action}`, { method: 'POST' }),
    onSuccess: (booking) => {
      void message.success(t(booking.status === 'COMPLETED' ? 'instrument.completed' : 'instrument.cancelled'));
      void client.invalidateQueries({ queryKey: ['instrument-bookings'] });
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24 }}>{t('instrument.myBookings')}</Typography.Title>
      <Segmented value={side} onChange={(v) => setSide(v as 'BOOKER' | 'PROVIDER')} options={[
        { value: 'BOOKER', label: t('instrument.asBooker') }, { value: 'PROVIDER', label: t('instrument.asProvider') },
      ]} />
      {query.isPending ? <Loading /> : query.error ? <ErrorState error={query.error} retry={() => void query.refetch()} /> : (
        <Table rowKey="id" dataSource={query.data.items} pagination={false} scroll={{ x: true }} columns={[
          { title: t('instrument.instrumentCol'), render: (_: unknown, b: Booking) => <Link to={`/instruments/${b.instrumentId}`}>{b.instrumentName}</Link> },
          { title: t('instrument.when'), render: (_: unknown, b: Booking) => `${localTime(b.startsAt, language)} · ${b.hours}h` },
          { title: side === 'BOOKER' ? t('instrument.holder') : t('instrument.booker'),
            render: (_: unknown, b: Booking) => side === 'BOOKER' ? b.providerOrganisationName : b.bookerOrganisationName },
          { title: t('instrument.fee'), render: (_: unknown, b: Booking) => l.money(b.fee) },
          { title: '', dataIndex: 'status', render: (s: string) => <Tag color={COLOURS[s]}>{t(`instrument.status.${s}`)}</Tag> },
          { title: t('instrument.actions'), render: (_: unknown, b: Booking) => (
            <Space>
              {side === 'BOOKER' && b.status === 'PENDING_PAYMENT' && b.checkoutPath && <Link to={b.checkoutPath}>{t('instrument.pay')}</Link>}
              {b.status === 'PENDING_PAYMENT' && (
                <Popconfirm title={t('instrument.cancelConfirm')} onConfirm={() => act.mutate({ id: b.id, action: 'cancellation' })}>
                  <Button size="small">{t('instrument.cancel')}</Button>
                </Popconfirm>
              )}
              {side === 'PROVIDER' && b.status === 'CONFIRMED' && (
                <Button size="small" type="primary" onClick={() => act.mutate({ id: b.id, action: 'completion' })}
                  data-testid="complete-booking">{t('instrument.complete')}</Button>
              )}
            </Space>
          ) },
        ]} />
      )}
    </Space>
  );
}

export default withAntApp(MyBookings);
