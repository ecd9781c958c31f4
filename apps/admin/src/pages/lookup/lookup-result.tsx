import { CARD_LOCATIONS, type CardState, HELP_LINES } from '@sscard/rules';
import { Alert, Descriptions, Grid, Tag, Typography } from 'antd';
import type { CardStatusFound, NotFoundBody } from '../../api/contract.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { HelpLines } from './help-lines.js';

function isCardState(state: string): state is CardState {
  return Object.hasOwn(CARD_LOCATIONS, state);
}

/** State, where the card is and the next step, in plain words, as the API's guidance gives them. */
export function LookupResult({ result }: { result: CardStatusFound | NotFoundBody }) {
  const { t, pick, label } = useI18n();
  // On a phone the labels go above the values, so neither column is squeezed.
  const wide = Grid.useBreakpoint().sm ?? false;
  if (!result.found) {
    return (
      <>
        <Alert
          type="warning"
          showIcon
          title={t.lookup.notFoundTitle}
          description={pick(result.message)}
        />
        <HelpLines numbers={[HELP_LINES.cardService.number]} />
      </>
    );
  }
  const place = isCardState(result.state) ? t.lookup.locations[CARD_LOCATIONS[result.state]] : null;
  const location =
    result.holdingUnit && place
      ? t.lookup.locationAt(place, result.holdingUnit)
      : (place ?? result.holdingUnit);
  return (
    <section aria-labelledby="lookup-result-title" aria-live="polite">
      <Typography.Title level={2} id="lookup-result-title" className="section-title">
        {t.lookup.resultTitle}
      </Typography.Title>
      <Descriptions
        column={1}
        bordered
        size="middle"
        layout={wide ? 'horizontal' : 'vertical'}
        className="lookup-result"
      >
        <Descriptions.Item label={t.lookup.name}>
          {t.lookup.person(result.name, result.idNumber)}
        </Descriptions.Item>
        <Descriptions.Item label={t.lookup.status}>
          <Tag color="blue" className="lookup-status">
            {label(result.status)}
          </Tag>
        </Descriptions.Item>
        {location ? (
          <Descriptions.Item label={t.lookup.location}>{location}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t.lookup.nextStep}>
          <strong>{label(result.nextStep)}</strong>
        </Descriptions.Item>
        {result.from ? (
          <Descriptions.Item label={t.lookup.from}>{result.from}</Descriptions.Item>
        ) : null}
        {result.deadline ? (
          <Descriptions.Item label={t.lookup.deadline}>{result.deadline}</Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t.lookup.clause}>{result.clause}</Descriptions.Item>
      </Descriptions>
      <HelpLines numbers={result.helpLines} />
    </section>
  );
}
