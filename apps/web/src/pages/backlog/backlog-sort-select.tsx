import { Select } from '@mantine/core';
import { BACKLOG_SORTS } from '@uplift/domain';
import { type BacklogSort, type BacklogView, FIRST_DIRECTION } from './backlog-view';

const LABELS: Record<BacklogSort, string> = {
  rank: 'Rank',
  roi: 'Best ROI',
  calibratedRoi: 'Best calibrated ROI',
  payback: 'Fastest payback',
  title: 'Title',
  createdAt: 'Newest',
  status: 'Status',
};

/** On a phone the cards have no column headers to click: the order is picked here, each in its natural direction. */
export function BacklogSortSelect({
  view,
  onChange,
}: {
  view: BacklogView;
  onChange: (patch: Partial<BacklogView>) => void;
}) {
  return (
    <Select
      label="Sort by"
      data={BACKLOG_SORTS.map((sort) => ({ value: sort, label: LABELS[sort] }))}
      value={view.sort}
      onChange={(sort) =>
        sort && onChange({ sort: sort as BacklogSort, direction: FIRST_DIRECTION[sort as BacklogSort] })
      }
      allowDeselect={false}
      data-testid="backlog-sort-select"
    />
  );
}
