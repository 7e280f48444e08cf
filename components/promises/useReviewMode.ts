/**
 * Review mode of the Promises tab: entered from the URL (sidepanel.html#promises?review=1), from the
 * background's end-of-shift request (storage flag, also while the panel is open), or by hand; leaving it
 * clears the request.
 */
import { useCallback, useEffect, useState } from 'react';
import { reviewRequest } from '@/lib/promises/review-flag';

export function useReviewMode(): [boolean, (on: boolean) => void] {
  const [review, setReview] = useState(() => /[?&]review=1\b/.test(location.hash));
  useEffect(() => {
    void reviewRequest.getValue().then((at) => at && setReview(true));
    return reviewRequest.watch((at) => at && setReview(true));
  }, []);
  const set = useCallback((on: boolean) => {
    setReview(on);
    if (on) return;
    void reviewRequest.setValue(0);
    if (location.hash.includes('review=1')) history.replaceState(null, '', '#promises');
  }, []);
  return [review, set];
}
