import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useMyOrganisations } from '../../api/mine';
import { hasRole } from '../../auth/auth';
import { useSession } from '../../auth/useSession';
import { useLabels } from '../../components/labels';
import { ErrorState, Loading, problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import CreditProfileCard from '../credit/CreditProfileCard';
import { localTime, type Booking, type Instrument, type Slot } from './types';

const localDate = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** One instrument, its free hours for a week, and booking for an enterprise the user edits for. */
function InstrumentDetail() {
  const { id } = useParams();
  const l = useLabels();
  const { t, language } = l;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const session = useSession();
  const mine = useMyOrganisations();
  const today = useMemo(() => localDate(new Date().toISOString()), []);
  const [week, setWeek] = useState(0);
  const [start, setStart] = useState<string | null>(null);
  const [form] = Form.useForm<{ organisationId: string; hours: number; purpose: string }>();
  const hours = Form.useWatch('hours', form) ?? 1;
  const from = addDays(today, week * 7);
  const query = useQuery({ queryKey: ['instrument', id], queryFn: () => api<Instrument>(`/api/instruments/${id}`) });
  const slots = useQuery({
    queryKey: ['instrument', id, 'slots', from],
    queryFn: () => api<{ slots: Slot[] }>(`/api/instruments/${id}/slots?from=${from}&days=7`).then((b) => b.slots),
  });
  const enterprises = (mine.data ?? []).filter((m) => m.organisation.kind === 'ENTERPRISE' && m.role !== 'MEMBER');
  const book = useMutation({
    mutationFn: (values: { organisationId: string; hours: number; purpose: string }) => api<Booking>('/api/instrument-bookings', {
      method: 'POST', body: { instrumentId: id, startsAt: start, ...values },
    }),
    onSuccess: (booking) => {
      void message.success(t('instrument.booked'));
      navigate(booking.checkoutPath ?? '/me/bookings');
    },
    onError: (error) => {
      void message.error(problemWords(error, t).message);
      void slots.refetch();
    },
  });
  if (query.isPending) return <Loading rows={8} />;
  if (query.error) return <ErrorState error={query.error} retry={() => void query.refetch()} />;
  const i = query.data;
  const days = new Map<string, Slot[]>();
  for (const slot of slots.data ?? []) {
    const day = localDate(slot.startsAt);
    days.set(day, [...(days.get(day) ?? []), slot]);
  }
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Tag color="blue">{t(`instrument.category.${i.category}`)}</Tag>
        <Typography.Title level={1} style={{ fontSize: 24, marginTop: 8 }}>{i.name}</Typography.Title>
        <Typography.Text type="secondary">{i.organisationName}</Typography.Text>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Card>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('instrument.model')}>{i.model}</Descriptions.Item>
              <Descriptions.Item label={t('instrument.hourlyFee')}><strong>{t('instrument.perHour', { fee: l.money(i.hourlyFee) })}</strong></Descriptions.Item>
              <Descriptions.Item label={t('instrument.location')}>{i.location}</Descriptions.Item>
              <Descriptions.Item label={t('instrument.county')}>{l.region(i.countyCode)}</Descriptions.Item>
              <Descriptions.Item label={t('instrument.availability')}>
                {i.availability.map((w) => `${t(`instrument.weekday.${w.dayOfWeek}`)} ${w.startHour}:00–${w.endHour}:00`).join('，')}
              </Descriptions.Item>
              <Descriptions.Item label={t('instrument.rules')}>
                {t('instrument.maxHours', { hours: i.maxHoursPerBooking })}；{t('instrument.notice', { hours: i.minNoticeHours })}
              </Descriptions.Item>
            </Descriptions>
            {i.description && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12 }}>{i.description}</Typography.Paragraph>}
            {i.bookingRules && <Alert type="info" showIcon title={i.bookingRules} />}
          </Card>
        </Col>
        <Col xs={24} lg={8}><CreditProfileCard organisationId={i.organisationId} /></Col>
      </Row>
      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('instrument.slots')}</h2>} extra={
        <Space>
          <Button size="small" disabled={week === 0} onClick={() => setWeek(week - 1)}>{t('instrument.previousWeek')}</Button>
          <Button size="small" onClick={() => setWeek(week + 1)}>{t('instrument.nextWeek')}</Button>
        </Space>
      }>
        <Typography.Paragraph type="secondary">{t('instrument.slotsHint')}</Typography.Paragraph>
        {slots.isPending ? <Loading rows={3} /> : slots.error ? <ErrorState error={slots.error} /> : days.size === 0
          ? <Typography.Text>{t('instrument.noSlots')}</Typography.Text> : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {[...days.entries()].map(([day, list]) => (
                <div key={day}>
                  <Typography.Text strong style={{ display: 'inline-block', minWidth: 110 }}>{day}</Typography.Text>
                  <Space wrap size={4}>
                    {list.map((s) => (
                      <Button key={s.startsAt} size="small" disabled={!s.free} data-testid="slot"
                        type={start === s.startsAt ? 'primary' : 'default'}
                        style={s.free && start !== s.startsAt ? { borderColor: '#1f6f43', color: '#1f6f43' } : undefined}
                        onClick={() => setStart(s.startsAt)}>
                        {new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }).format(new Date(s.startsAt))}
                      </Button>
                    ))}
                  </Space>
                </div>
              ))}
            </Space>
          )}
      </Card>
      <Card>
        {!session.authenticated || !hasRole(session, 'ENTERPRISE') ? <Alert type="info" showIcon title={t('instrument.signInToBook')} />
          // The form's initial organisation is read once, when it mounts: mount it only after "my organisations"
          // has arrived, or the required field stays empty and 预约 silently fails validation.
          : mine.isPending ? <Loading rows={3} />
          : mine.error ? <ErrorState error={mine.error} retry={() => void mine.refetch()} />
          : enterprises.length === 0 ? <Alert type="warning" showIcon title={t('instrument.noEnterprise')} /> : (
            <Form form={form} layout="vertical" initialValues={{ hours: 1, organisationId: enterprises[0].organisation.id }}
              onFinish={(values) => book.mutate(values)}>
              <Form.Item label={t('instrument.start')}>
                <Typography.Text strong data-testid="chosen-start">{start ? localTime(start, language) : '—'}</Typography.Text>
              </Form.Item>
              <Form.Item name="organisationId" label={t('instrument.organisation')} rules={[{ required: true }]}>
                <Select options={enterprises.map((m) => ({ value: m.organisation.id, label: m.organisation.name }))} />
              </Form.Item>
              <Form.Item name="hours" label={t('instrument.hours')} rules={[{ required: true }]}>
                <InputNumber min={1} max={i.maxHoursPerBooking} precision={0} />
              </Form.Item>
              <Form.Item name="purpose" label={t('instrument.purpose')} rules={[{ required: true }]}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Form.Item label={t('instrument.fee')}>
                <Typography.Text strong>{l.money({ amountFen: i.hourlyFee.amountFen * hours, currency: 'CNY' })}</Typography.Text>
              </Form.Item>
              <Button type="primary" htmlType="submit" disabled={!start} loading={book.isPending} data-testid="book">
                {t('instrument.book')}
              </Button>
            </Form>
          )}
      </Card>
    </Space>
  );
}

export default withAntApp(InstrumentDetail);
