import { Bar, Card, Loading } from '../../../_components/Skeleton';

/** The case page's frame: number and status, title, facts, then the sections. */
export default function CaseLoading() {
  return (
    <Loading>
      <Card>
        <div className="flex justify-between">
          <Bar className="h-4 w-40" />
          <Bar className="h-5 w-16 rounded-full" />
        </div>
        <Bar className="h-6 w-3/4" />
        <div className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 sm:grid-cols-[auto_1fr_auto_1fr]">
          {Array.from({ length: 8 }, (_, i) => (
            <Bar key={i} className={i % 2 ? 'h-4 w-32' : 'h-4 w-16'} />
          ))}
        </div>
      </Card>
      {['w-24', 'w-20', 'w-28'].map((width) => (
        <Card key={width}>
          <Bar className={`h-5 ${width}`} />
          <Bar className="h-4 w-full" />
          <Bar className="h-4 w-2/3" />
        </Card>
      ))}
    </Loading>
  );
}
