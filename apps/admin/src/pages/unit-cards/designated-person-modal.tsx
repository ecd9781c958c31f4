import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Modal } from 'antd';
import { districtApi } from '../../api/district-endpoints.js';
import { QueryState } from '../../components/query-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DesignatedPersonForm } from '../units/designated-person-form.js';

interface Props {
  unitId: string;
  onClose: () => void;
}

/**
 * N-2.3: unit staff name (or change) their unit's designated person, who may then sign for
 * holders. The receipt and the signing forms read the new name once it is saved.
 */
export function DesignatedPersonModal({ unitId, onClose }: Props) {
  const { t } = useI18n();
  const texts = t.distribution.units.designated;
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const unit = useQuery({
    queryKey: ['unit', unitId],
    queryFn: ({ signal }) => districtApi.unit(unitId, { signal }),
  });
  return (
    <Modal open title={texts.title} footer={null} onCancel={onClose} destroyOnHidden>
      <QueryState query={unit}>
        {(u) => (
          <DesignatedPersonForm
            unitId={u.id}
            current={u.designatedPerson}
            onCancel={onClose}
            onDone={async (saved) => {
              onClose();
              void message.success(texts.saved(saved.designatedPerson?.name ?? ''));
              queryClient.setQueryData(['unit', unitId], saved);
              await queryClient.invalidateQueries({ queryKey: ['receipt'] });
            }}
          />
        )}
      </QueryState>
    </Modal>
  );
}
