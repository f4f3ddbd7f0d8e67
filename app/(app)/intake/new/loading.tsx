import { FormSkeleton, Loading } from '../../../_components/Skeleton';

export default function RegisterAtWindowLoading() {
  return (
    <Loading>
      <FormSkeleton fields={6} />
    </Loading>
  );
}
