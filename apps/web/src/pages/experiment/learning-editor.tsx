import { Button, Group, Stack, TagsInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { LEARNING_TAG_MAX, LEARNING_TAGS_MAX, LEARNING_TEXT_MAX, LEARNING_TEXT_MIN } from '@uplift/domain';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert';
import { fieldErrorsOf } from '../../lib/errors';
import { sentence } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

interface Props {
  experimentKey: string;
  initial: { text: string; tags: string[] };
  onDone: () => void;
  onCancel?: () => void;
}

/** Text and tags of an experiment's learning; saving records it or replaces the earlier version. */
export function LearningEditor({ experimentKey, initial, onDone, onCancel }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(initial.text);
  const [tags, setTags] = useState(initial.tags);
  const save = useMutation(
    trpc.learning.record.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.learning.pathKey() });
        onDone();
      },
    }),
  );
  const fields = fieldErrorsOf(save.error);
  const short = text.trim().length < LEARNING_TEXT_MIN;
  return (
    <Stack gap="sm">
      <Textarea
        label="What did this test teach us?"
        description={`A few sentences (${LEARNING_TEXT_MIN}–${LEARNING_TEXT_MAX} characters): what worked, what did not, what to try next.`}
        autosize
        minRows={3}
        maxLength={LEARNING_TEXT_MAX}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={sentence(fields.text)}
        data-testid="learning-text-input"
      />
      <TagsInput
        label="Tags"
        description={`Up to ${LEARNING_TAGS_MAX}, e.g. urgency, free shipping; press Enter after each.`}
        value={tags}
        onChange={setTags}
        maxTags={LEARNING_TAGS_MAX}
        maxLength={LEARNING_TAG_MAX}
        acceptValueOnBlur
        clearable
        error={sentence(fields.tags ?? Object.entries(fields).find(([f]) => f.startsWith('tags.'))?.[1])}
        data-testid="learning-tags-input"
      />
      {save.isError && Object.keys(fields).length === 0 && <ErrorAlert error={save.error} title="Could not save" />}
      <Group justify="flex-end">
        {onCancel && (
          <Button variant="default" onClick={onCancel} disabled={save.isPending}>
            Cancel
          </Button>
        )}
        <Button
          onClick={() => save.mutate({ experimentKey, text, tags })}
          loading={save.isPending}
          disabled={short}
          data-testid="learning-save"
        >
          Save learning
        </Button>
      </Group>
    </Stack>
  );
}
