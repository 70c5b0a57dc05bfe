import { useMutation, useQueryClient } from '@tanstack/react-query';
import { addComment, type CommentDto } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { baseKeys } from './query-keys.ts';

/** Adds a comment; mentioned people are notified by the server. */
export function useAddComment(tableId: string, recordId: string) {
  const queryClient = useQueryClient();
  const key = baseKeys.comments(tableId, recordId);
  return useMutation({
    mutationFn: (body: { body: string; mentions: string[] }) => api(addComment, { params: { tableId, recordId }, body }),
    onSuccess: (comment) => {
      queryClient.setQueryData<CommentDto[]>(key, (list) => (list ? [...list, comment] : [comment]));
      return queryClient.invalidateQueries({ queryKey: key });
    },
  });
}
