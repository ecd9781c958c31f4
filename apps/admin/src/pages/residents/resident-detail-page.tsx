import { CARD_STATE_LABELS, closeCertificateRequestSchema } from '@sscard/rules';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ResidentCardView, ResidentDetail } from '../../api/contract.js';
import { districtApi } from '../../api/district-endpoints.js';
import { useSession } from '../../auth/session-store.js';
import { BusinessDateAlert, useBusinessDate } from '../../components/business-date.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import '../district-screens.css';
import { CategoryChangeSection } from './category-change-section.js';
import { EnrolmentsSection } from './enrolments-section.js';
import { EventDateForm } from './event-date-form.js';
import { InstitutionsSection } from './institutions-section.js';
import { categoryLabel, idKindLabel, subsidyFlagLabel } from './resident-labels.js';
import { VerificationsSection } from './verifications-section.js';

/** A resident (ID number masked): enrolment, payment, verification, institutions, cards. */
export function ResidentDetailPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const texts = t.residents.detail;
  const queryClient = useQueryClient();
  const today = useBusinessDate();
  const query = useQuery({
    queryKey: ['resident', id],
    queryFn: ({ signal }) => districtApi.resident(id, { signal }),
  });
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['resident', id] });
    void queryClient.invalidateQueries({ queryKey: ['residents'] });
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <BusinessDateAlert />
      <Link to="/residents" className="no-print">
        {texts.back}
      </Link>
      <QueryState query={query}>
        {(resident) => (
          <Space orientation="vertical" size="large" style={{ width: '100%' }}>
            <Typography.Title level={1} className="page-title">
              {texts.title(resident.name)}
            </Typography.Title>
            <PersonFacts resident={resident} today={today} onChanged={changed} />
            <EnrolmentsSection resident={resident} today={today} onChanged={changed} />
            <VerificationsSection resident={resident} today={today} onChanged={changed} />
            <InstitutionsSection resident={resident} onChanged={changed} />
            <CategoryChangeSection resident={resident} today={today} onChanged={changed} />
            <CardsSection cards={resident.cards} />
          </Space>
        )}
      </QueryState>
    </Space>
  );
}

interface FactsProps {
  resident: ResidentDetail;
  today: string | undefined;
  onChanged: () => void;
}

function PersonFacts({ resident, today, onChanged }: FactsProps) {
  const { t, label } = useI18n();
  const texts = t.residents.detail;
  const f = texts.fields;
  const { message } = App.useApp();
  const role = useSession()?.user.role;
  const [closing, setClosing] = useState(false);
  const certificate = resident.temporaryCertificate;
  // The API's @Roles: the district centre ends the certificate (N-1.5).
  const canClose = role === 'district_staff' || role === 'system_admin';
  return (
    <Card title={<h2 className="card-heading">{texts.person}</h2>}>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'idKind', label: f.idKind, children: idKindLabel(resident.idKind, label) },
          { key: 'idNumber', label: f.idNumber, children: resident.idNumber },
          { key: 'birthDate', label: f.birthDate, children: resident.birthDate },
          { key: 'category', label: f.category, children: categoryLabel(resident.category, label) },
          {
            key: 'flags',
            label: f.subsidyFlags,
            children:
              resident.subsidyFlags.length === 0
                ? t.common.none
                : t.common.list(resident.subsidyFlags.map((s) => subsidyFlagLabel(s, label))),
          },
          { key: 'unit', label: f.unit, children: resident.currentUnit?.name ?? t.common.none },
          {
            key: 'certificate',
            label: f.certificate,
            children: certificate ? (
              <Space wrap>
                {texts.certificate(certificate.number, certificate.issuedOn)}
                {canClose ? (
                  <Button size="small" onClick={() => setClosing(true)}>
                    {texts.certificateClose}
                  </Button>
                ) : null}
              </Space>
            ) : (
              t.common.none
            ),
          },
        ]}
      />
      <Modal
        open={closing && certificate !== null}
        title={texts.certificateCloseTitle}
        footer={null}
        onCancel={() => setClosing(false)}
        destroyOnHidden
      >
        {certificate ? (
          <>
            <Typography.Paragraph type="secondary">
              {texts.certificateCloseHelp}
            </Typography.Paragraph>
            <EventDateForm
              schema={closeCertificateRequestSchema}
              field="closedOn"
              label={texts.closedOn}
              submitLabel={texts.closeSubmit}
              cancelLabel={texts.closeCancel}
              today={today}
              send={(body) => districtApi.closeCertificate(certificate.id, body)}
              onCancel={() => setClosing(false)}
              onDone={() => {
                setClosing(false);
                void message.success(texts.closed(certificate.number));
                onChanged();
              }}
            />
          </>
        ) : null}
      </Modal>
    </Card>
  );
}

function CardsSection({ cards }: { cards: ResidentCardView[] }) {
  const { t, label } = useI18n();
  const c = t.cards.columns;
  return (
    <Card title={<h2 className="card-heading">{t.residents.detail.cards}</h2>}>
      <Table<ResidentCardView>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={cards}
        locale={{ emptyText: t.common.empty }}
        scroll={{ x: 'max-content' }}
        className="list-table"
        columns={[
          { title: c.cardNumber, render: (_, row) => row.cardNumber ?? t.common.none },
          {
            title: c.state,
            render: (_, row) => <Tag>{label(CARD_STATE_LABELS[row.state])}</Tag>,
          },
          { title: c.madeForUnit, render: (_, row) => row.madeForUnit.name },
          { title: c.currentUnit, render: (_, row) => row.currentUnit?.name ?? t.common.none },
        ]}
      />
    </Card>
  );
}
