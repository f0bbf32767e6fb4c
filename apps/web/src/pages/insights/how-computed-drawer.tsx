import { Code, Drawer, Stack, Table, Text } from '@mantine/core';

/** The formulas behind each block, from the README's "Insights: what each figure means" (sources there). */
const FORMULAS: [string, string, string][] = [
  ['Shrunk lift x̃', 'x·τ²/(τ² + s²), τ² = max(0, mean(x² − s²))', 'Pulls lucky results toward zero (Morris 1983).'],
  ['Realised monthly gain', 'R·b̂·x̃·v', 'Reach × measured baseline × shrunk lift × value; rolled-out wins only.'],
  ['Gain to date', 'monthly gain × months since rollout (at most H)', 'What the chart adds up per channel.'],
  [
    'Realised ROI',
    '(monthly gain·H − C)/C',
    'The backlog’s ROI with measured figures; −1 for a test that earns nothing.',
  ],
  ['Win rate', 'wins/n; mean (wins + 1)/(n + 2)', '90% interval: 5% and 95% points of Beta(wins + 1, n − wins + 1).'],
  ['Reliability', 'wins/n per confidence bucket of 20%', 'Buckets [0, 0.2) … [0.8, 1] (Wilks §8.4.4).'],
  ['Brier score', 'mean((c − won)²)', '0 is perfect; 0.25 is saying 50% every time (Brier 1950).'],
  ['Lift ratio', 'Σx̃/Σl', 'Realised over expected lift; needs 5 tests.'],
  [
    'P&L',
    'net = gain to date − cost; ROI = net/cost',
    'Per quarter of the test’s end, channel and stage, and per offer.',
  ],
  ['Funnel lift of a stage', 'Π(1 + x̃) over its rolled-out wins', 'Conversion after = min(1, conversion × lift).'],
  ['End to end', 'Π conversion before / Π conversion after', 'Over the stages with conversion data.'],
];

/** "How is this computed": each figure's formula in one row, for readers who want to check the page. */
export function HowComputedDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title="How is this computed">
      <Stack gap="sm" data-testid="insights-how-drawer">
        <Text size="sm">
          x is a test’s measured relative lift and s its standard error, l and c the lift and confidence its author gave
          at approval, R the rung’s reach per month, b̂ the control’s rate, v the value per conversion, C the test’s cost
          and H the workspace’s horizon in months. Below 5 completed tests nothing is shrunk.
        </Text>
        <Table fz="sm" verticalSpacing="xs">
          <Table.Tbody>
            {FORMULAS.map(([figure, formula, note]) => (
              <Table.Tr key={figure}>
                <Table.Td fw={500}>{figure}</Table.Td>
                <Table.Td>
                  <Code>{formula}</Code>
                  <Text size="xs" c="dimmed">
                    {note}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Drawer>
  );
}
