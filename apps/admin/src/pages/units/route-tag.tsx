import { BATCH_ROUTE_LABELS, type BatchRoute } from '@sscard/rules';
import { Tag } from 'antd';
import { useI18n } from '../../i18n/i18n-context.js';

/**
 * The route the API gave (N-2.2a direct delivery / N-2.2b pickup), in the rules' words. The
 * screen never decides the route itself: the 600 threshold lives in the rules.
 */
export function RouteTag({ route }: { route: BatchRoute }) {
  const { label } = useI18n();
  return (
    <Tag color={route === 'direct_delivery' ? 'blue' : 'gold'} data-route={route}>
      {label(BATCH_ROUTE_LABELS[route])}
    </Tag>
  );
}
