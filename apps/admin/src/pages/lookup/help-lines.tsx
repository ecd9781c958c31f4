import { HELP_LINES } from '@sscard/rules';
import { PhoneOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useI18n } from '../../i18n/i18n-context.js';

const BY_NUMBER = new Map<string, { zh: string; en: string }>(
  Object.values(HELP_LINES).map((line) => [line.number, line]),
);

/** The help lines the API names for this case (N-2.4d, S-4), as tappable phone links. */
export function HelpLines({ numbers }: { numbers: readonly string[] }) {
  const { t, label } = useI18n();
  return (
    <section aria-labelledby="help-lines-title">
      <Typography.Title level={2} id="help-lines-title" className="section-title">
        {t.lookup.helpLines}
      </Typography.Title>
      <ul className="help-lines">
        {numbers.map((number) => {
          const line = BY_NUMBER.get(number);
          return (
            <li key={number}>
              <PhoneOutlined aria-hidden /> <a href={`tel:${number}`}>{number}</a>
              {line ? ` ${label(line)}` : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
