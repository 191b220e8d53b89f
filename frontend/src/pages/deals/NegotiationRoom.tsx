import { useState } from 'react';
import { Alert, App, Badge, Button, Card, Descriptions, Form, Input, InputNumber, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Message, Negotiation, Offer } from '../../api/deals';
import type { Page } from '../../api/types';
import { useLabels } from '../../components/labels';
import { EmptyState, ErrorState, Loading, problemWords } from '../../components/States';
import { withAntApp } from '../../components/withAntApp';
import OfferForm from './OfferForm';
import { counterInput, mustAcknowledgeNda, offerMoves, type OfferMove } from './logic';
import { useLiveEvents } from './live';

function newKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** One offer's terms (or that they are hidden until the NDA is acknowledged). */
export function OfferTerms({ offer }: { offer: Offer }) {
  const l = useLabels();
  const { t } = l;
  if (offer.redacted) return <Typography.Text type="secondary">{t('deals.room.redacted')}</Typography.Text>;
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
      <Descriptions.Item label={t('deals.room.price')}><Typography.Text strong data-testid="offer-price">{l.money(offer.price)}</Typography.Text></Descriptions.Item>
      <Descriptions.Item label={t('deals.room.contractType')}>
        {t(`deals.contractType.${offer.contractType}`, { defaultValue: offer.contractType ?? '' })}
        {offer.contractSubtype ? ` · ${t(`deals.subtype.${offer.contractSubtype}`, { defaultValue: offer.contractSubtype })}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.room.termMonths')}>{t('deals.room.months', { count: offer.termMonths ?? 0 })}</Descriptions.Item>
      <Descriptions.Item label={t('deals.room.expiresAt')}>{l.date(offer.expiresAt)}</Descriptions.Item>
      <Descriptions.Item label={t('deals.room.scope')} span={2}><span style={{ whiteSpace: 'pre-wrap' }}>{offer.scope}</span></Descriptions.Item>
      <Descriptions.Item label={t('deals.room.milestones')} span={2}>
        <ol style={{ margin: 0, paddingInlineStart: 20 }}>
          {(offer.milestones ?? []).map((m) => <li key={m.sequence}>{m.title} · {l.money(m.amount)} · {m.dueDate}</li>)}
        </ol>
      </Descriptions.Item>
    </Descriptions>
  );
}

function NegotiationRoomInner() {
  const { id } = useParams();
  const l = useLabels();
  const { t } = l;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [composing, setComposing] = useState(false);
  const [text, setText] = useState('');
  const [confidential, setConfidential] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [offerKey, setOfferKey] = useState(newKey);

  const room = useQuery({ queryKey: ['negotiation', id], queryFn: () => api<Negotiation>(`/api/negotiations/${id}`) });
  const offers = useQuery({ queryKey: ['negotiation', id, 'offers'], queryFn: () => api<Page<Offer>>(`/api/negotiations/${id}/offers?size=50`), enabled: room.isSuccess });
  const messages = useQuery({ queryKey: ['negotiation', id, 'messages'], queryFn: () => api<Page<Message>>(`/api/negotiations/${id}/messages?size=100`), enabled: room.isSuccess });
  const refresh = () => void client.invalidateQueries({ queryKey: ['negotiation', id] });
  const live = useLiveEvents(room.isSuccess ? `/api/negotiations/${id}/events` : null, () => {
    refresh();
    void client.invalidateQueries({ queryKey: ['negotiations'] });
  });

  const act = useMutation({
    mutationFn: ({ path, body, key }: { path: string; body?: unknown; key?: string }) =>
      api(`/api/negotiations/${id}/${path}`, { method: 'POST', body: body ?? {}, headers: key ? { 'Idempotency-Key': key } : undefined }),
    onSuccess: () => {
      refresh();
      void client.invalidateQueries({ queryKey: ['negotiations'] });
      void client.invalidateQueries({ queryKey: ['contracts'] });
    },
    onError: (error) => void message.error(problemWords(error, t).message),
  });

  if (room.isPending) return <Loading rows={8} />;
  if (room.error) return <ErrorState error={room.error} retry={() => void room.refetch()} />;
  const r = room.data;
  const open = r.openOffer;
  const moves = offerMoves(r, open);
  const ndaToAcknowledge = mustAcknowledgeNda(r);
  const holderSide = r.holderOrganisationId === r.sellerOrganisationId ? 'SELLER' : 'BUYER';
  const mayRequireNda = r.status === 'OPEN' && r.youMayAct && r.yourSide === holderSide && !r.nda.required;
  const moveButton = (move: OfferMove) => {
    switch (move) {
      case 'accept':
        return (
          <Popconfirm key={move} title={t('deals.room.acceptConfirm')} onConfirm={() => act.mutateAsync({ path: `offers/${open!.id}/acceptance`, key: `accept-${open!.id}` })}>
            <Button type="primary" data-testid="accept-offer">{t('deals.room.accept')}</Button>
          </Popconfirm>
        );
      case 'decline':
        return <Popconfirm key={move} title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ path: `offers/${open!.id}/declination` })}><Button danger data-testid="decline-offer">{t('deals.room.decline')}</Button></Popconfirm>;
      case 'withdraw':
        return <Popconfirm key={move} title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ path: `offers/${open!.id}/withdrawal` })}><Button data-testid="withdraw-offer">{t('deals.room.withdraw')}</Button></Popconfirm>;
      case 'counter':
        return (
          <Button key={move} type={open ? 'default' : 'primary'} onClick={() => setComposing(true)} data-testid="make-offer">
            {!open || open.status !== 'OPEN' ? t('deals.room.makeOffer') : open.madeBySide === r.yourSide ? t('deals.room.revise') : t('deals.room.counter')}
          </Button>
        );
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Link to="/negotiations">← {t('deals.room.back')}</Link>
      <div>
        <Space wrap>
          <Tag color={r.status === 'OPEN' ? 'blue' : 'green'} data-testid="room-status">{t(`deals.rooms.status.${r.status}`, { defaultValue: r.status })}</Tag>
          <Tag>{t('deals.rooms.yourSide')}: {t(`deals.common.side.${r.yourSide}`, { defaultValue: r.yourSide })}</Tag>
          <Badge status={live ? 'success' : 'default'} text={live ? t('deals.common.live') : t('deals.common.liveLost')} />
        </Space>
        <Typography.Title level={1} style={{ fontSize: 22, marginTop: 8 }}>
          <Link to={`/${r.listing.type === 'ACHIEVEMENT' ? 'achievements' : 'demands'}/${r.listing.id}`}>{r.listing.title}</Link>
        </Typography.Title>
      </div>
      {r.status === 'AGREED' && (
        <Alert type="success" showIcon title={t('deals.room.agreed')} data-testid="room-agreed"
          action={r.contractId ? <Link to={`/contracts/${r.contractId}`} data-testid="to-contract"><Button type="primary">{t('deals.room.toContract')}</Button></Link> : undefined} />
      )}
      {!r.youMayAct && r.status === 'OPEN' && <Alert type="info" showIcon title={t('deals.room.readOnly')} />}

      {(r.nda.required || mayRequireNda) && (
        <Card size="small" title={<h2 style={{ margin: 0, fontSize: 15 }}>{t('deals.room.nda.title')}</h2>} data-testid="nda">
          {r.nda.acknowledged ? <Tag color="green">{t('deals.room.nda.acknowledged')}</Tag>
            : ndaToAcknowledge ? (
              <Space direction="vertical">
                <Alert type="warning" showIcon title={t('deals.room.nda.required')} />
                <Button type="primary" onClick={() => act.mutate({ path: 'nda-acknowledgement' })} loading={act.isPending}>{t('deals.room.nda.acknowledge')}</Button>
              </Space>
            ) : r.nda.required ? <Typography.Text>{t('deals.room.nda.requiredByYou')}</Typography.Text>
            : <Popconfirm title={t('deals.common.confirm')} onConfirm={() => act.mutateAsync({ path: 'nda-requirement' })}><Button>{t('deals.room.nda.require')}</Button></Popconfirm>}
        </Card>
      )}

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.rooms.openOffer')}</h2>} data-testid="open-offer">
        {open ? (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <Typography.Text strong>{t('deals.room.offerBy', { side: t(`deals.common.side.${open.madeBySide}`) })}</Typography.Text>
              <Tag color={open.status === 'OPEN' ? 'blue' : 'default'} data-testid="offer-status">{t(`deals.room.offerStatus.${open.status}`, { defaultValue: open.status })}</Tag>
            </Space>
            <OfferTerms offer={open} />
          </Space>
        ) : <EmptyState text={t('deals.room.noOffers')} />}
        {moves.length > 0 && <Space wrap style={{ marginTop: 12 }}>{moves.map(moveButton)}</Space>}
        {composing && (
          <Card size="small" style={{ marginTop: 16 }} title={t('deals.room.makeOffer')} extra={<Button type="text" onClick={() => setComposing(false)}>{t('deals.common.cancel')}</Button>}>
            <OfferForm
              initial={counterInput(open)}
              submitting={act.isPending}
              submit={async (body) => {
                await api(`/api/negotiations/${id}/offers`, { method: 'POST', body, headers: { 'Idempotency-Key': offerKey } });
                setOfferKey(newKey());
                setComposing(false);
                void message.success(t('deals.common.done'));
                refresh();
              }}
            />
          </Card>
        )}
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.room.messages')}</h2>}>
        {r.status === 'OPEN' && r.youMayAct && (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
            <label htmlFor="message-body" className="visually-hidden">{t('deals.room.messageLabel')}</label>
            <Input.TextArea id="message-body" rows={2} maxLength={4000} value={text} placeholder={t('deals.room.messagePlaceholder')}
              onChange={(event) => setText(event.target.value)} data-testid="message-input"
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && text.trim()) {
                  void act.mutateAsync({ path: 'messages', body: { body: text, confidential } }).then(() => setText(''));
                }
              }} />
            <Space wrap>
              <label><input type="checkbox" checked={confidential} onChange={(event) => setConfidential(event.target.checked)} /> {t('deals.room.confidential')}</label>
              <Button type="primary" disabled={!text.trim()} loading={act.isPending && act.variables?.path === 'messages'} data-testid="send-message"
                onClick={() => void act.mutateAsync({ path: 'messages', body: { body: text, confidential } }).then(() => setText(''))}>
                {t('deals.room.send')}
              </Button>
            </Space>
          </Space>
        )}
        {messages.isPending ? <Loading rows={2} /> : messages.error ? <ErrorState error={messages.error} retry={() => void messages.refetch()} />
          : messages.data.items.length === 0 ? <EmptyState text={t('deals.room.noMessages')} />
          : (
            <List aria-live="polite" dataSource={messages.data.items} renderItem={(m) => (
              <List.Item data-testid="message">
                <List.Item.Meta
                  title={<Space size={4}><Tag>{t(`deals.common.side.${m.authorSide}`, { defaultValue: m.authorSide })}</Tag><Typography.Text type="secondary">{new Date(m.createdAt).toLocaleString(l.language)}</Typography.Text>{m.confidential && <Tag color="orange">NDA</Tag>}</Space>}
                  description={<span style={{ whiteSpace: 'pre-wrap', color: '#222' }}>{m.redacted ? t('deals.room.redacted') : m.body}</span>}
                />
              </List.Item>
            )} />
          )}
      </Card>

      <Card title={<h2 style={{ margin: 0, fontSize: 16 }}>{t('deals.room.offers')}</h2>}>
        {offers.isPending ? <Loading rows={2} /> : offers.error ? <ErrorState error={offers.error} retry={() => void offers.refetch()} />
          : offers.data.items.length === 0 ? <EmptyState text={t('deals.room.noOffers')} />
          : (
            <List dataSource={offers.data.items} renderItem={(offer) => (
              <List.Item data-testid="offer-history">
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{t('deals.room.offerBy', { side: t(`deals.common.side.${offer.madeBySide}`) })}</Typography.Text>
                    <Tag>{t(`deals.room.offerStatus.${offer.status}`, { defaultValue: offer.status })}</Tag>
                    <Typography.Text type="secondary">{new Date(offer.createdAt).toLocaleString(l.language)}</Typography.Text>
                  </Space>
                  {offer.redacted ? <Typography.Text type="secondary">{t('deals.room.redacted')}</Typography.Text>
                    : <Typography.Text>{l.money(offer.price)} · {t(`deals.contractType.${offer.contractType}`, { defaultValue: offer.contractType ?? '' })} · {t('deals.room.months', { count: offer.termMonths ?? 0 })}</Typography.Text>}
                </Space>
              </List.Item>
            )} />
          )}
      </Card>

      <Card size="small" title={<h2 style={{ margin: 0, fontSize: 15 }}>{t('deals.room.broker.title')}</h2>}>
        {r.broker ? <Typography.Text>{t('deals.room.broker.joined', { percent: (r.broker.commissionBasisPoints / 100).toFixed(2) })}</Typography.Text>
          : <Typography.Text type="secondary">{t('deals.room.broker.none')}</Typography.Text>}
        {!r.broker && r.status === 'OPEN' && r.youMayAct && r.yourSide !== 'BROKER' && (
          inviting ? (
            <Form layout="inline" style={{ marginTop: 8 }} onFinish={(values: { brokerOrganisationId: string; brokerSubject?: string; commissionBasisPoints: number }) =>
              act.mutateAsync({ path: 'broker-invitations', body: { ...values, brokerSubject: values.brokerSubject || undefined } })
                .then(() => { setInviting(false); void message.success(t('deals.room.broker.invited')); })}>
              <Form.Item name="brokerOrganisationId" label={t('deals.room.broker.organisation')} rules={[{ required: true, message: t('deals.offer.required') }]}><Input /></Form.Item>
              <Form.Item name="brokerSubject" label={t('deals.room.broker.subject')}><Input /></Form.Item>
              <Form.Item name="commissionBasisPoints" label={t('deals.room.broker.commission')} rules={[{ required: true, message: t('deals.offer.required') }]} initialValue={300}><InputNumber min={0} max={10000} precision={0} /></Form.Item>
              <Button type="primary" htmlType="submit" loading={act.isPending}>{t('deals.room.broker.invite')}</Button>
            </Form>
          ) : <div style={{ marginTop: 8 }}><Button onClick={() => setInviting(true)}>{t('deals.room.broker.invite')}</Button></div>
        )}
      </Card>
    </Space>
  );
}

export default withAntApp(NegotiationRoomInner);
