import type { ReactNode } from 'react';

/**
 * The dashboard's tables (the trend, a breakdown, the region's centers): headed columns of
 * figures that scroll sideways on a phone rather than squeeze.
 */
export function FigureTable({
  columns,
  minWidth,
  sortedBy,
  children,
}: {
  columns: ReactNode[];
  minWidth: `min-w-[${string}]`;
  /** The column the rows are ranked by (best first), for assistive technology. */
  sortedBy?: number;
  children: ReactNode;
}) {
  return (
    <div className="overflow-x-auto">
      <table className={`w-full ${minWidth} rounded-lg border border-slate-200 bg-white text-sm`}>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            {columns.map((column, i) => (
              <th key={i} scope="col" className="px-3 py-2 font-medium" aria-sort={sortedBy === i ? 'descending' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
