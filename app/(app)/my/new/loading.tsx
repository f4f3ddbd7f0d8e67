import { FormSkeleton, Loading } from '../../../_components/Skeleton';

export default function NewPetitionLoading() {
  return (
    <Loading>
      <FormSkeleton fields={6} />
    </Loading>
  );
}
