import { ListSkeleton, Loading } from '../_components/Skeleton';

export default function SignedInLoading() {
  return (
    <Loading>
      <ListSkeleton />
    </Loading>
  );
}
