import type { FC } from 'hono/jsx';
import type { Authority, NameVariant } from '../../modules/authorities/authorities.repository.ts';
import { paths } from '../../modules/documents/documents.presenters.ts';
import { isNonLatin } from './format.ts';

/** A name in another script, marked with its language so screen readers and fonts get it right. */
export const ForeignName: FC<{ variant: NameVariant }> = ({ variant }) => (
  <span class="name-variant" lang={variant.language ?? undefined}>
    {variant.name}
  </span>
);

/** Variants written in other scripts (Chinese, Cyrillic...), the ones worth showing beside a name. */
export const otherScriptVariants = (authority: Pick<Authority, 'variants'>): NameVariant[] =>
  authority.variants.filter((v) => isNonLatin(v.name));

/** An authority's preferred name linked to its page, followed by its forms in other scripts. */
export const AuthorityLink: FC<{ authority: Authority; withVariants?: boolean }> = ({
  authority,
  withVariants = true,
}) => {
  const variants = withVariants ? otherScriptVariants(authority).slice(0, 3) : [];
  return (
    <span class="authority">
      <a href={paths.authority(authority)}>{authority.name}</a>
      {variants.length > 0 ? (
        <span class="authority__variants">
          {variants.map((v, index) => (
            <>
              {index > 0 ? ' · ' : ' '}
              <ForeignName variant={v} />
            </>
          ))}
        </span>
      ) : null}
    </span>
  );
};

/** Renders "A", "A and B", "A, B and C" from already-rendered items. */
export const JoinedList: FC<{ items: unknown[] }> = ({ items }) => (
  <>
    {items.map((item, index) => (
      <>
        {index > 0 ? (index === items.length - 1 ? (items.length > 2 ? ', and ' : ' and ') : ', ') : ''}
        {item}
      </>
    ))}
  </>
);
